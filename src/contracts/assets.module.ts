import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the assets module. */
export const assetsContract = defineModuleContract({
  permissions: {
    'assets.read': { roles: everyone },
    'assets.manage': { roles: ['compliance-manager'] },
  },
  auditActions: {
    'asset.created': z.strictObject({
      name: z.string(),
      type: z.string(),
      classification: z.string(),
      ownerId: z.string().nullable(),
    }),
    'asset.updated': z.strictObject({ name: z.string(), changes }),
    'asset.deleted': z.strictObject({ name: z.string() }),
  },
});
