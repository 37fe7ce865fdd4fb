import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the policies module. */
export const policiesContract = defineModuleContract({
  permissions: {
    'policies.read': { roles: everyone },
    /** Write documents and drafts, submit, publish and run acknowledgement campaigns. */
    'policies.manage': { roles: ['compliance-manager'] },
    /** Approve a version someone else wrote (four eyes). */
    'policies.approve': { roles: ['compliance-manager'] },
    /** Read and accept published versions oneself. */
    'policies.acknowledge': { roles: ['compliance-manager', 'contributor', 'viewer'] },
  },
  auditActions: {
    'policy.created': z.strictObject({
      title: z.string(),
      kind: z.string(),
      classification: z.string(),
      ownerId: z.string(),
    }),
    'policy.updated': z.strictObject({ title: z.string(), changes }),
    'policy.version-drafted': z.strictObject({ title: z.string(), number: z.number().int() }),
    'policy.version-edited': z.strictObject({ title: z.string(), number: z.number().int() }),
    'policy.version-submitted': z.strictObject({ title: z.string(), number: z.number().int() }),
    'policy.version-returned': z.strictObject({
      title: z.string(),
      number: z.number().int(),
      reason: z.string(),
    }),
    'policy.version-approved': z.strictObject({ title: z.string(), number: z.number().int() }),
    'policy.version-published': z.strictObject({
      title: z.string(),
      number: z.number().int(),
      superseded: z.number().int().nullable(),
      nextReviewAt: z.string(),
    }),
    'policy.campaign-started': z.strictObject({
      title: z.string(),
      number: z.number().int(),
      audience: z.string(),
      targeted: z.number().int(),
      dueAt: z.string(),
    }),
    'policy.acknowledged': z.strictObject({ title: z.string(), number: z.number().int() }),
  },
});
