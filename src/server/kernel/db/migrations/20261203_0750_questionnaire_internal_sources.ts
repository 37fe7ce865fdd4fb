import { type Kysely, sql } from 'kysely';

/**
 * Whether a questionnaire's proposals may quote internal sources (policy excerpts classified internal). Off by
 * default: a questionnaire goes to a customer, and an internal document is proposed only when someone opts in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE questionnaires ADD COLUMN include_internal_sources boolean NOT NULL DEFAULT false`.execute(
    db,
  );
}
