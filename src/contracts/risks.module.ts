import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the risks module. */
export const risksContract = defineModuleContract({
  permissions: {
    'risks.read': { roles: everyone },
    /** Edit the risks one owns (the service checks ownership unless the actor has risks.manage). */
    'risks.edit-own': { roles: ['compliance-manager', 'contributor'] },
    'risks.manage': { roles: ['compliance-manager'] },
  },
  auditActions: {
    'risk-matrix.updated': z.strictObject({ changes }),
    'risk.created': z.strictObject({
      ref: z.string(),
      title: z.string(),
      inherent: z.string(),
      residual: z.string(),
      treatment: z.string().nullable(),
      ownerId: z.string().nullable(),
    }),
    'risk.updated': z.strictObject({ ref: z.string(), changes }),
    'risk.deleted': z.strictObject({ ref: z.string(), title: z.string() }),
    'risk.acceptance-proposed': z.strictObject({
      ref: z.string(),
      approverId: z.string(),
      expiresOn: z.string(),
    }),
    'risk.acceptance-approved': z.strictObject({ ref: z.string(), expiresOn: z.string() }),
  },
});
