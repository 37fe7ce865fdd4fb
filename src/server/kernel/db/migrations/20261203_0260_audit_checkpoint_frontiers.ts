import { type Kysely, sql } from 'kysely';

/**
 * The Merkle frontier (the right-edge subtree roots, at most log2 N hashes of 32 bytes, concatenated) kept
 * with each signed checkpoint, so the next checkpoint hashes only the events added since.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_checkpoints ADD COLUMN frontier bytea`.execute(db);
}
