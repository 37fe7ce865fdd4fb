import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_services (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      audit_id uuid NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      PRIMARY KEY (audit_id, service_id)
    )`.execute(db);
}
