import { type Kysely, sql } from 'kysely';

// The disaster-recovery pairings a service offers: customers in the primary location may use the DR location.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE service_dr_pairings (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      service_id uuid NOT NULL,
      primary_location_id uuid NOT NULL,
      dr_location_id uuid NOT NULL,
      PRIMARY KEY (service_id, primary_location_id, dr_location_id),
      CHECK (primary_location_id <> dr_location_id),
      FOREIGN KEY (service_id, primary_location_id)
        REFERENCES service_locations (service_id, location_id) ON DELETE CASCADE,
      FOREIGN KEY (service_id, dr_location_id)
        REFERENCES service_locations (service_id, location_id) ON DELETE CASCADE
    )`.execute(db);
}
