import { type Kysely, sql } from 'kysely';

// Optional four-eyes publishing of FAQ answers: the publisher must not be the answer's last editor.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE trust_center_settings ADD COLUMN faq_four_eyes boolean NOT NULL DEFAULT false`.execute(
    db,
  );
}
