import { type Kysely, sql } from 'kysely';

// An administrator's decision whether monitoring imports may contact private networks (loopback, RFC 1918,
// unique-local IPv6). Off by default: a user-given URL must not reach the organisation's internal addresses.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE incident_settings
      ADD COLUMN monitoring_private_networks boolean NOT NULL DEFAULT false`.execute(db);
}
