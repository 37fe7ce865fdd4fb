import { z } from 'zod';

const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));
const none = z.strictObject({});

/** Every audit action Tillit writes, with the shape of its data. Stored JSON is validated against these. */
export const auditActionSchemas = {
  'organization.created': z.strictObject({ name: z.string() }),
  'organization.updated': z.strictObject({ changes }),
  'location.created': z.strictObject({
    code: z.string(),
    name: z.string(),
    city: z.string(),
    country: z.string(),
  }),
  'location.updated': z.strictObject({ code: z.string(), changes }),
  'location.deleted': z.strictObject({ code: z.string(), name: z.string() }),
  'service.created': z.strictObject({ name: z.string() }),
  'service.updated': z.strictObject({ name: z.string(), changes }),
  'service.deleted': z.strictObject({ name: z.string() }),
  'user.created': z.strictObject({ email: z.string(), role: z.string() }),
  'user.invited': z.strictObject({ email: z.string(), role: z.string(), expiresAt: z.string() }),
  'user.invitation-accepted': z.strictObject({ email: z.string() }),
  'user.updated': z.strictObject({ email: z.string(), changes }),
  'user.password-changed': z.strictObject({ email: z.string() }),
  'user.password-reset': z.strictObject({ email: z.string() }),
  'auth.signed-in': z.strictObject({ email: z.string(), ip: z.string().nullable() }),
  'auth.signed-out': z.strictObject({ email: z.string() }),
  'token.created': z.strictObject({
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    expiresAt: z.string(),
  }),
  'token.revoked': z.strictObject({ name: z.string(), prefix: z.string() }),
  'audit.checkpoint-created': z.strictObject({
    treeSize: z.number().int(),
    rootHash: z.string(),
    keyId: z.string(),
  }),
  'demo.seeded': none,
  'backup.restored': z.strictObject({ backupCreatedAt: z.string(), tables: z.number().int() }),
} as const;

export type AuditAction = keyof typeof auditActionSchemas;
export type AuditData<A extends AuditAction> = z.input<(typeof auditActionSchemas)[A]>;
export const auditActions = Object.keys(auditActionSchemas) as AuditAction[];
