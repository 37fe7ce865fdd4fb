import type { AuditEvent } from '../../../contracts/audit.js';
import type { AuditEventRow } from '../../kernel/db/schema.js';

export interface AuditEventWithActor extends AuditEventRow {
  actor_email: string | null;
  actor_name: string | null;
}

export const presentAuditEvent = (r: AuditEventWithActor, entityName: string | null = null): AuditEvent => ({
  seq: r.seq,
  occurredAt: r.occurred_at.toISOString(),
  actorType: r.actor_type as AuditEvent['actorType'],
  actor: r.actor_id ? { id: r.actor_id, email: r.actor_email ?? '', name: r.actor_name ?? '' } : null,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  entityName,
  data: r.data,
});
