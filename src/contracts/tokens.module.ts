import { z } from 'zod';
import { defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the tokens module. */
export const tokensContract = defineModuleContract({
  permissions: {
    'tokens.manage-own': { roles: everyone },
  },
  auditActions: {
    'token.created': z.strictObject({
      name: z.string(),
      prefix: z.string(),
      scopes: z.array(z.string()),
      expiresAt: z.string(),
    }),
    'token.revoked': z.strictObject({ name: z.string(), prefix: z.string() }),
  },
});
