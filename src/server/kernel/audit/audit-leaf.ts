import type { AuditEventRow } from '../db/schema.js';
import { canonicalJson } from './canonical-json.js';
import { leafHash } from './merkle.js';

export interface AuditLeafInput {
  organizationId: string;
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: Record<string, unknown>;
}

/** The bytes a leaf commits to: every column of the event except the stored hash itself. */
export function auditLeafHash(e: AuditLeafInput): Buffer {
  const payload = canonicalJson({
    v: 1,
    organizationId: e.organizationId,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorType: e.actorType,
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    data: e.data,
  });
  return leafHash(Buffer.from(payload, 'utf8'));
}

export function auditLeafHashOfRow(row: AuditEventRow): Buffer {
  return auditLeafHash({
    organizationId: row.organization_id,
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    data: row.data,
  });
}
