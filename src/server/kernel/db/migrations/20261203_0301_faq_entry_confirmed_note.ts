import { type Kysely, sql } from 'kysely';

// Why a person released an answer held for review (the override's reason, also in the audit log).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE faq_entries ADD COLUMN confirmed_note text`.execute(db);
}
