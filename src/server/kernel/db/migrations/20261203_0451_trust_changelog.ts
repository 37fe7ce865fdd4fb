import { type Kysely, sql } from 'kysely';

// The public changelog of the trust center: certifications, sub-processor changes and claims that began or
// stopped holding. `mailed_at` marks entries already sent to verified subscribers (a sub-processor announcement
// mails its own notice, so its entry is born mailed).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_changelog (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN ('certification', 'subprocessor', 'claim')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 400),
      happened_at timestamptz NOT NULL DEFAULT now(),
      mailed_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX trust_changelog_recent ON trust_changelog (organization_id, happened_at DESC)`.execute(
    db,
  );
}
