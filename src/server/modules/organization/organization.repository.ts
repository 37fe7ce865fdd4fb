import type { Kysely } from 'kysely';
import type { Database, OrganizationRow } from '../../kernel/db/schema.js';

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

export async function listAllLocations(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('locations')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('code')
    .execute();
}

export async function listAllServices(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('services')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}
