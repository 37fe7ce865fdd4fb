import { z } from 'zod';
import { defineModuleContract } from './module-contract.js';

/** Permissions and audit actions of the audit-log module. */
export const auditLogContract = defineModuleContract({
  permissions: {
    'audit.read': { roles: ['compliance-manager', 'auditor'] },
    'audit.checkpoint': { roles: ['compliance-manager'] },
  },
  auditActions: {
    'audit.checkpoint-created': z.strictObject({
      treeSize: z.number().int(),
      rootHash: z.string(),
      keyId: z.string(),
    }),
  },
});
