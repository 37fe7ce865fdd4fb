import { type Kysely, sql } from 'kysely';

// Duties an administrator gives a person on top of their role (contracts/roles.ts: the incident manager).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN duties text[] NOT NULL DEFAULT '{}'`.execute(db);
}
