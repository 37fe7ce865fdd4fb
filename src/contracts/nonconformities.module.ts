import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the nonconformities module. */
export const nonconformitiesContract = defineModuleContract({
  permissions: {
    'nonconformities.read': { roles: everyone },
    /** Mark the corrective actions one owns done (anything else about an action takes nonconformities.manage). */
    'nonconformities.complete-own': { roles: everyone },
    /** Run the nonconformity register: root cause, correction, corrective actions, verification, closing. */
    'nonconformities.manage': { roles: ['compliance-manager'] },
  },
  auditActions: {
    'nonconformity.raised': z.strictObject({
      ref: z.string(),
      source: z.string(),
      sourceRef: z.string(),
      severity: z.string(),
      findingId: z.string().nullable(),
    }),
    'nonconformity.updated': z.strictObject({ ref: z.string(), changes }),
    'nonconformity.status-changed': z.strictObject({ ref: z.string(), from: z.string(), to: z.string() }),
    'corrective-action.added': z.strictObject({
      ref: z.string(),
      description: z.string(),
      ownerId: z.string(),
      dueDate: z.string(),
    }),
    'corrective-action.updated': z.strictObject({ ref: z.string(), changes }),
    'nonconformity.verified': z.strictObject({ ref: z.string(), result: z.string(), notes: z.string() }),
  },
});
