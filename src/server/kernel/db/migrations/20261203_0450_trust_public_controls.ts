import { type Kysely, sql } from 'kysely';

// The controls staff chose to show on the public trust center, grouped under a domain of their own wording,
// in their order. The state shown is computed from the control's checks and evidence each time the page is
// rendered, never stored. A deleted control leaves the public list with it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_public_controls (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      control_id uuid NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
      domain text NOT NULL CHECK (length(btrim(domain)) BETWEEN 1 AND 80),
      public_title text CHECK (length(btrim(public_title)) BETWEEN 1 AND 160),
      position int NOT NULL CHECK (position >= 0),
      PRIMARY KEY (organization_id, control_id)
    )`.execute(db);
}
