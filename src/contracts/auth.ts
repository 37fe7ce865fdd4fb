import { z } from 'zod';
import { roleSchema } from './permissions.js';

export const passwordSchema = z
  .string()
  .min(12, 'Password must be at least 12 characters')
  .max(256, 'Password must be at most 256 characters');

export const emailSchema = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export const loginRequestSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(256),
});

export const sessionUserSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
});

export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  organization: z.object({ id: z.string().uuid(), name: z.string() }),
  permissions: z.array(z.string()),
  csrfToken: z.string().describe('Send back in the x-csrf-token header on every state-changing request'),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});

export const acceptInviteRequestSchema = z.strictObject({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(200),
  password: passwordSchema,
});

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'tillit_session';
