import { z } from 'zod';
import { defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the frameworks module. */
export const frameworksContract = defineModuleContract({
  permissions: {
    'frameworks.read': { roles: everyone },
    'frameworks.manage': { roles: ['compliance-manager'] },
  },
  auditActions: {
    'framework.installed': z.strictObject({
      key: z.string(),
      name: z.string(),
      requirements: z.number().int(),
    }),
    'framework.imported': z.strictObject({
      key: z.string(),
      name: z.string(),
      format: z.string(),
      requirements: z.number().int(),
    }),
    'framework.deleted': z.strictObject({ key: z.string(), name: z.string() }),
    'mappings.imported': z.strictObject({ imported: z.number().int(), unchanged: z.number().int() }),
    'applicability.set': z.strictObject({
      framework: z.string(),
      ref: z.string(),
      applicable: z.boolean(),
      justification: z.string(),
      previous: z.strictObject({ applicable: z.boolean(), justification: z.string() }).nullable(),
    }),
    'applicability.bulk-set': z.strictObject({
      framework: z.string(),
      refs: z.array(z.string()),
      applicable: z.boolean(),
      justification: z.string(),
    }),
  },
});
