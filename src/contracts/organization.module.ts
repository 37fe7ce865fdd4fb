import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the organization module. */
export const organizationContract = defineModuleContract({
  permissions: {
    'organization.read': { roles: everyone },
    'organization.manage': { roles: [] },
  },
  auditActions: {
    'organization.created': z.strictObject({ name: z.string() }),
    'organization.updated': z.strictObject({ changes }),
    'location.created': z.strictObject({
      code: z.string(),
      name: z.string(),
      city: z.string(),
      country: z.string(),
    }),
    'location.updated': z.strictObject({ code: z.string(), changes }),
    'location.deleted': z.strictObject({ code: z.string(), name: z.string() }),
    'service.created': z.strictObject({ name: z.string(), placement: z.unknown().optional() }),
    'service.updated': z.strictObject({ name: z.string(), changes }),
    'service.deleted': z.strictObject({ name: z.string() }),
  },
});
