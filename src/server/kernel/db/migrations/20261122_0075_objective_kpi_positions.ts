import { type Kysely, sql } from 'kysely';

/** KPIs added in one transaction share created_at, so their order needs its own column. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE objective_kpis ADD COLUMN position integer NOT NULL DEFAULT 0`.execute(db);
}
