import { z } from 'zod';
import { defineModuleContract } from './module-contract.js';

/** Permissions and audit actions of the auth module. */
export const authContract = defineModuleContract({
  permissions: {},
  auditActions: {
    'auth.signed-in': z.strictObject({ email: z.string(), ip: z.string().nullable() }),
    'auth.signed-out': z.strictObject({ email: z.string() }),
  },
});
