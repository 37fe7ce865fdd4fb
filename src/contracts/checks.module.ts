import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the checks module. */
export const checksContract = defineModuleContract({
  permissions: {
    'checks.read': { roles: everyone },
    /** Push check results and metric samples, e.g. from CI with an API token. */
    'checks.report': { roles: ['compliance-manager', 'contributor'] },
    'checks.manage': { roles: ['compliance-manager'] },
  },
  auditActions: {
    'check.created': z.strictObject({
      name: z.string(),
      kind: z.string(),
      schedule: z.string().nullable(),
      ownerId: z.string().nullable(),
      controls: z.array(z.string()),
    }),
    'check.updated': z.strictObject({ name: z.string(), changes }),
    'check.deleted': z.strictObject({ name: z.string() }),
    'check.ran': z.strictObject({
      name: z.string(),
      trigger: z.string(),
      outcome: z.string(),
      summary: z.string(),
      evidenceId: z.string(),
      status: z.string(),
      previousStatus: z.string(),
    }),
    'metric-samples.recorded': z.strictObject({ count: z.number().int(), metrics: z.array(z.string()) }),
  },
});
