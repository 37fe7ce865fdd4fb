import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_frameworks (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      audit_id uuid NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      framework_id uuid NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
      PRIMARY KEY (audit_id, framework_id)
    )`.execute(db);
}
