import { type Role, rolePermissions } from '../../src/contracts/permissions.js';
import { type ServiceContext, systemActor } from '../../src/server/kernel/context.js';
import type { DatabaseHandle } from '../../src/server/kernel/db/database.js';
import { createOrganization } from '../../src/server/modules/organization/organization.service.js';
import { createTestDatabase } from './test-database.js';

export interface ServiceFixture {
  handle: DatabaseHandle;
  organizationId: string;
  system: ServiceContext;
  /** An active person with the role, and a context acting as them. */
  person(role: Role, name: string): Promise<{ id: string; ctx: ServiceContext }>;
  close(): Promise<void>;
}

/** A fresh database with one organisation, for service tests without HTTP. */
export async function createServiceFixture(name = 'Service AB'): Promise<ServiceFixture> {
  const handle = await createTestDatabase();
  const base: ServiceContext = { db: handle.db, organizationId: '', actor: systemActor };
  const organizationId = await createOrganization(base, { name, securityContactEmail: null });
  const system = { ...base, organizationId };
  return {
    handle,
    organizationId,
    system,
    async person(role, personName) {
      const user = await handle.db
        .insertInto('users')
        .values({
          organization_id: organizationId,
          email: `${personName.toLowerCase().replace(/\W+/g, '.')}@${role}.example`,
          name: personName,
          role,
          status: 'active',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ctx: ServiceContext = {
        ...system,
        actor: { type: 'user', userId: user.id, tokenId: null, role, permissions: rolePermissions[role] },
      };
      return { id: user.id, ctx };
    },
    close: () => handle.close(),
  };
}
