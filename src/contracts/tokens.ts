import { z } from 'zod';
import { permissionSchema } from './permissions.js';

export const apiTokenSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string().describe('First characters of the token, to recognise it'),
  scopes: z.array(permissionSchema),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createTokenRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(permissionSchema).min(1).max(50),
  expiresInDays: z.number().int().min(1).max(366),
});

export const createTokenResponseSchema = z.object({
  token: z.string().describe('The secret; shown once, stored only as a hash'),
  apiToken: apiTokenSchema,
});
