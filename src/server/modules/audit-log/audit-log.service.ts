import type { AuditEvent, AuditEventQuery } from '../../../contracts/audit.js';
import type { Page } from '../../../contracts/paging.js';
import { auditEventVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { paged } from '../../kernel/http/paging.js';
import { type AuditEventWithActor, presentAuditEvent } from './audit-log.presenter.js';
import { entityKey, entityNames } from './audit-log.repository.js';

/** A page of the organisation's audit events, each with the current name of its entity where the reader may see it. */
export async function listAuditEvents(ctx: ServiceContext, q: AuditEventQuery): Promise<Page<AuditEvent>> {
  let query = ctx.db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .selectAll('e')
    .select(['u.email as actor_email', 'u.name as actor_name'])
    .where('e.organization_id', '=', ctx.organizationId)
    .where(auditEventVisible(ctx.actor, 'e.entity_type', 'e.entity_id'));
  if (q.action) query = query.where('e.action', '=', q.action);
  if (q.entityType) query = query.where('e.entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('e.entity_id', '=', q.entityId);
  if (q.actorId) query = query.where('e.actor_id', '=', q.actorId);
  if (q.from) query = query.where('e.occurred_at', '>=', new Date(q.from));
  if (q.to) query = query.where('e.occurred_at', '<', new Date(q.to));
  const page = await paged(
    query,
    (x) => x.orderBy('e.seq', 'desc'),
    q,
    (r) => r as AuditEventWithActor,
    { keyset: [{ column: 'e.seq', direction: 'desc' }] },
  );
  const names = await entityNames(
    ctx,
    page.items.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id })),
  );
  return {
    ...page,
    items: page.items.map((r) =>
      presentAuditEvent(r, r.entity_id ? (names.get(entityKey(r.entity_type, r.entity_id)) ?? null) : null),
    ),
  };
}
