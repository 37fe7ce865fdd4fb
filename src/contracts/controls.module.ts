import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the controls module. */
export const controlsContract = defineModuleContract({
  permissions: {
    'controls.read': { roles: everyone },
    /** Edit the controls one owns (the service checks ownership unless the actor has controls.manage). */
    'controls.edit-own': { roles: ['compliance-manager', 'contributor'] },
    'controls.manage': { roles: ['compliance-manager'] },
  },
  auditActions: {
    'control.created': z.strictObject({
      ref: z.string(),
      title: z.string(),
      status: z.string(),
      ownerId: z.string().nullable(),
      serviceId: z.string().nullable(),
    }),
    'control.updated': z.strictObject({ ref: z.string(), changes }),
    'control.deleted': z.strictObject({ ref: z.string(), title: z.string() }),
    'control.requirements-mapped': z.strictObject({ ref: z.string(), requirements: z.array(z.string()) }),
    'control.requirement-unmapped': z.strictObject({ ref: z.string(), requirement: z.string() }),
  },
});
