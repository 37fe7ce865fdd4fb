import { type Kysely, sql } from 'kysely';

/**
 * The latest verification of each organisation's audit log, with the Merkle frontier at the verified size,
 * so the verification page re-hashes only events added since. A cache: rebuilt by the daily full
 * verification and left out of backups.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_verifications (
      organization_id uuid PRIMARY KEY REFERENCES organizations(id),
      tree_size bigint NOT NULL,
      frontier bytea NOT NULL,
      root_hash bytea NOT NULL,
      checkpoints_verified int NOT NULL,
      problems jsonb NOT NULL,
      fully_verified_at timestamptz NOT NULL,
      verified_at timestamptz NOT NULL
    )`.execute(db);
}
