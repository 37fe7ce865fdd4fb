import { type Kysely, sql } from 'kysely';

/** What started a check result (run now, schedule, pushed from CI) and its structured details. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE evidence
      ADD COLUMN check_trigger text CHECK (check_trigger IN ('manual', 'schedule', 'push')),
      ADD COLUMN check_details jsonb,
      ADD CONSTRAINT evidence_check_trigger_kind CHECK ((kind = 'check-result') = (check_trigger IS NOT NULL))
  `.execute(db);
}
