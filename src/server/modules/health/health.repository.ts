import { type Kysely, sql } from 'kysely';
import { pendingMigrations } from '../../kernel/db/migrate.js';
import type { Database } from '../../kernel/db/schema.js';

/** Asks the database a trivial query, then lists the migrations it has not run; rejects if it does not answer. */
export async function pendingMigrationsOf(db: Kysely<Database>): Promise<string[]> {
  await sql`select 1`.execute(db);
  return pendingMigrations(db);
}
