import { z } from 'zod';
import { afterCursorSchema } from './paging.js';

export const auditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorType: z.enum(['user', 'token', 'system']),
  actor: z.object({ id: z.string().uuid(), email: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** Reference and title of the entity as it is now; null when deleted, unnamed or not visible to the reader. */
  entityName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditEventQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  after: afterCursorSchema,
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.string().uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditEventQuery = z.infer<typeof auditEventQuerySchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  treeSize: z.number().int(),
  rootHash: z.string().describe('hex SHA-256 Merkle root (RFC 6962)'),
  checkpointsVerified: z.number().int(),
  problems: z.array(z.string()),
  verifiedAt: z.string().optional().describe('When the log was last checked up to treeSize'),
  fullyVerifiedAt: z
    .string()
    .optional()
    .describe('When every event was last re-hashed (daily); newer events are hashed on each request'),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const auditCheckpointSchema = z.object({
  treeSize: z.number().int(),
  rootHash: z.string(),
  createdAt: z.string(),
  note: z.string().describe('Signed checkpoint (C2SP signed-note format); keep a copy outside Tillit'),
});

export const consistencyQuerySchema = z.strictObject({
  from: z.coerce.number().int().min(1).describe('Size of the older tree, e.g. from a checkpoint you kept'),
  to: z.coerce.number().int().min(1).optional().describe('Size of the newer tree; default: the whole log'),
});

export const consistencyProofSchema = z.object({
  fromSize: z.number().int(),
  toSize: z.number().int(),
  fromRoot: z.string(),
  toRoot: z.string(),
  proof: z.array(z.string()).describe('RFC 6962 consistency proof, hex SHA-256 nodes'),
});
export type ConsistencyProof = z.infer<typeof consistencyProofSchema>;

export const inclusionQuerySchema = z.strictObject({
  treeSize: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Tree size to prove against; default: the whole log'),
});

export const inclusionProofSchema = z.object({
  seq: z.number().int(),
  leafHash: z.string(),
  treeSize: z.number().int(),
  rootHash: z.string(),
  proof: z.array(z.string()).describe('RFC 6962 audit path, hex SHA-256 nodes; leaf index is seq − 1'),
});
export type InclusionProof = z.infer<typeof inclusionProofSchema>;
