import { type Kysely, sql } from 'kysely';

/**
 * Fixed-window counters for limits that must hold across every API process behind a load balancer (public
 * forms that send mail: per client address and per recipient). Keys are stored as SHA-256 hashes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rate_limit_counters (
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      bucket text NOT NULL,
      key_hash text NOT NULL,
      window_start timestamptz NOT NULL,
      hits int NOT NULL CHECK (hits > 0),
      PRIMARY KEY (organization_id, bucket, key_hash, window_start)
    )`.execute(db);
  await sql`CREATE INDEX rate_limit_counters_window_idx ON rate_limit_counters (window_start)`.execute(db);
}
