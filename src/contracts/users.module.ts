import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';

/** Permissions and audit actions of the users module. */
export const usersContract = defineModuleContract({
  permissions: {
    'users.read': { roles: ['compliance-manager'] },
    'users.manage': { roles: [] },
  },
  auditActions: {
    'user.created': z.strictObject({ email: z.string(), role: z.string() }),
    'user.invited': z.strictObject({ email: z.string(), role: z.string(), expiresAt: z.string() }),
    'user.invitation-accepted': z.strictObject({ email: z.string() }),
    'user.updated': z.strictObject({
      email: z.string(),
      changes,
      /** API tokens revoked because the user was disabled; re-enabling does not revive them. */
      tokensRevoked: z.number().int().optional(),
    }),
    'user.password-changed': z.strictObject({ email: z.string() }),
    'user.password-reset': z.strictObject({ email: z.string() }),
    'user.framework-scope-set': z.strictObject({ email: z.string(), frameworks: z.array(z.string()) }),
  },
});
