import { sql } from 'kysely';
import { type AuditAction, type AuditData, auditActionSchemas } from '../../../contracts/audit-actions.js';
import type { ServiceContext } from '../context.js';
import { lockOrganizationRow } from '../db/transaction.js';
import { AppError } from '../errors/app-error.js';
import { auditLeafHash } from './audit-leaf.js';

export interface AuditEntity {
  type: string;
  id: string | null;
}

/**
 * Appends one event to the organisation's audit log inside the caller's transaction. The head row is
 * locked by the upsert, so sequence numbers are gap-free and concurrent writers serialise here.
 */
export async function recordAuditEvent<A extends AuditAction>(
  ctx: ServiceContext,
  action: A,
  entity: AuditEntity,
  data: AuditData<A>,
): Promise<number> {
  if (!ctx.db.isTransaction) {
    throw new AppError('INTERNAL', `Audit event ${action} must be written inside the change's transaction`);
  }
  const parsed = auditActionSchemas[action].parse(data) as Record<string, unknown>;
  // The organisation row before the head: the lock order in db/transaction.ts.
  await lockOrganizationRow(ctx.db, ctx.organizationId);
  const head = await sql<{ size: number }>`
    INSERT INTO audit_log_heads (organization_id, size) VALUES (${ctx.organizationId}, 1)
    ON CONFLICT (organization_id) DO UPDATE SET size = audit_log_heads.size + 1
    RETURNING size`.execute(ctx.db);
  const seq = Number(head.rows[0]?.size);
  const event = {
    organizationId: ctx.organizationId,
    seq,
    occurredAt: new Date(),
    actorType: ctx.actor.type,
    actorId: ctx.actor.userId,
    action,
    entityType: entity.type,
    entityId: entity.id,
    data: parsed,
  };
  await ctx.db
    .insertInto('audit_events')
    .values({
      organization_id: event.organizationId,
      seq,
      occurred_at: event.occurredAt,
      actor_type: event.actorType,
      actor_id: event.actorId,
      action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      data: JSON.stringify(parsed),
      leaf_hash: auditLeafHash(event),
    })
    .execute();
  return seq;
}
