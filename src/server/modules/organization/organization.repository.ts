import { type Kysely, sql } from 'kysely';
import type { Database, LocationRow, OrganizationRow, ServiceRow } from '../../kernel/db/schema.js';

export function findOrganizationOrUndefined(
  db: Kysely<Database>,
  id: string,
): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateOrganizationRow(
  db: Kysely<Database>,
  id: string,
  patch: { name?: string; security_contact_email?: string | null },
): Promise<OrganizationRow> {
  return db
    .updateTable('organizations')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertOrganization(
  db: Kysely<Database>,
  values: { name: string; security_contact_email: string | null },
): Promise<OrganizationRow> {
  return db.insertInto('organizations').values(values).returningAll().executeTakeFirstOrThrow();
}

type JsonRow<T> = Omit<T, 'created_at'> & { created_at: string };
const withDate = <T extends { created_at: string }>(r: T) => ({ ...r, created_at: new Date(r.created_at) });

/** The organisation with its locations and services in one round trip (the busiest read of the app). */
export async function findOrganizationProfileOrUndefined(
  db: Kysely<Database>,
  id: string,
): Promise<{ org: OrganizationRow; locations: LocationRow[]; services: ServiceRow[] } | undefined> {
  const row = await db
    .selectFrom('organizations as o')
    .selectAll('o')
    .select([
      sql<JsonRow<LocationRow>[]>`(SELECT coalesce(json_agg(l ORDER BY l.code), '[]') FROM locations l
        WHERE l.organization_id = o.id)`.as('location_rows'),
      sql<JsonRow<ServiceRow>[]>`(SELECT coalesce(json_agg(s ORDER BY s.name), '[]') FROM services s
        WHERE s.organization_id = o.id)`.as('service_rows'),
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { location_rows, service_rows, ...org } = row;
  return {
    org,
    locations: location_rows.map(withDate) as LocationRow[],
    services: service_rows.map(withDate) as ServiceRow[],
  };
}
