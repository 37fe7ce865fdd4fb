import { type Kysely, sql } from 'kysely';

/** The evidence list's sort order (newest proven date first), so a page is read from an index, not sorted. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX evidence_list_idx ON evidence (organization_id, valid_from DESC, created_at DESC, id)`.execute(
    db,
  );
}
