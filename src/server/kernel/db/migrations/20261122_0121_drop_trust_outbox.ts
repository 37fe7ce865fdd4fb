import { type Kysely, sql } from 'kysely';

// The trust center's own outbox was replaced by the shared mail outbox before any release wrote to it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE trust_outbox`.execute(db);
}
