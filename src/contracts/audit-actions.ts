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
  'framework.installed': z.strictObject({ key: z.string(), name: z.string(), requirements: z.number().int() }),
  'framework.imported': z.strictObject({
    key: z.string(),
    name: z.string(),
    format: z.string(),
    requirements: z.number().int(),
  }),
  'framework.deleted': z.strictObject({ key: z.string(), name: z.string() }),
  'mappings.imported': z.strictObject({ imported: z.number().int(), unchanged: z.number().int() }),
  'applicability.set': z.strictObject({
    framework: z.string(),
    ref: z.string(),
    applicable: z.boolean(),
    justification: z.string(),
    previous: z.strictObject({ applicable: z.boolean(), justification: z.string() }).nullable(),
  }),
  'applicability.bulk-set': z.strictObject({
    framework: z.string(),
    refs: z.array(z.string()),
    applicable: z.boolean(),
    justification: z.string(),
  }),
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
  'demo.seeded': none,
  'backup.restored': z.strictObject({ backupCreatedAt: z.string(), tables: z.number().int() }),
} as const;

export type AuditAction = keyof typeof auditActionSchemas;
export type AuditData<A extends AuditAction> = z.input<(typeof auditActionSchemas)[A]>;
export const auditActions = Object.keys(auditActionSchemas) as AuditAction[];
