import { type Kysely, sql } from 'kysely';

/**
 * A risk is accepted only when the approver named on the acceptance approves it: the approval's time is
 * recorded, and the status accepted needs it. Risks accepted before this change keep their status, dated by
 * their last change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE risks ADD COLUMN acceptance_approved_at timestamptz`.execute(db);
  await sql`UPDATE risks SET acceptance_approved_at = updated_at WHERE status = 'accepted'`.execute(db);
  await sql`ALTER TABLE risks ADD CONSTRAINT risks_accepted_is_approved
    CHECK (status <> 'accepted' OR acceptance_approved_at IS NOT NULL)`.execute(db);
}
