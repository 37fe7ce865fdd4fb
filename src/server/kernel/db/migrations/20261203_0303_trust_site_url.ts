import { type Kysely, sql } from 'kysely';

// The organisation's own website: relative links in FAQ answers (imported from it) resolve against it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE trust_center_settings ADD COLUMN site_url text`.execute(db);
}
