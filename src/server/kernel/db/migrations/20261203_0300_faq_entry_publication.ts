import { type Kysely, sql } from 'kysely';

// Draft → published: who last wrote the text and who published it (four-eyes publishing compares the two).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE faq_entries
      ADD COLUMN last_edited_by uuid REFERENCES users(id),
      ADD COLUMN published_by uuid REFERENCES users(id),
      ADD COLUMN published_at timestamptz`.execute(db);
}
