import { z } from 'zod';
import { emailSchema } from './auth.js';
import { dutySchema, roleSchema } from './permissions.js';

export const userStatusSchema = z.enum(['invited', 'active', 'disabled']);

export const userSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  /** Duties on top of the role (contracts/roles.ts), e.g. incident-manager. */
  duties: z.array(dutySchema),
  status: userStatusSchema,
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const inviteUserRequestSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
});

export const inviteResponseSchema = z.object({
  user: userSchema,
  inviteToken: z.string().describe('One-time token; shown once. The invitee opens /accept-invite?token=…'),
  inviteUrl: z.string(),
  expiresAt: z.string(),
});

export const updateUserRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    role: roleSchema.optional(),
    duties: z.array(dutySchema).max(10).optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');

/** The frameworks an auditor may see; an auditor with none sees no framework. */
export const frameworkScopeSchema = z.object({ frameworkIds: z.array(z.string().uuid()) });
export const frameworkScopeRequestSchema = z.strictObject({
  frameworkIds: z.array(z.string().uuid()).max(200),
});
