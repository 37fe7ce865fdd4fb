import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the evidence module. */
export const evidenceContract = defineModuleContract({
  permissions: {
    'evidence.read': { roles: everyone },
    'evidence.submit': { roles: ['compliance-manager', 'contributor'] },
    'evidence.manage': { roles: ['compliance-manager'] },
  },
  auditActions: {
    'evidence.added': z.strictObject({
      kind: z.string(),
      title: z.string(),
      sha256: z.string().optional(),
      url: z.string().optional(),
      checkId: z.string().optional(),
      controls: z.array(z.string()),
    }),
    'evidence.updated': z.strictObject({ title: z.string(), changes }),
    'evidence.reviewed': z.strictObject({ title: z.string() }),
    'evidence.deleted': z.strictObject({
      kind: z.string(),
      title: z.string(),
      sha256: z.string().nullable(),
    }),
    'evidence.controls-linked': z.strictObject({ title: z.string(), controls: z.array(z.string()) }),
    'evidence.control-unlinked': z.strictObject({ title: z.string(), control: z.string() }),
  },
});
