import { type SqlBool, sql } from 'kysely';
import type { ControlListQuery } from '../../../contracts/controls.js';
import { controlVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { evidenceState, isFailing } from './control-health.js';

/** Controls with owner, service, mapped-requirement count and health, as one set-based query. */
export function controlListQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('controls as c')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .leftJoin('services as s', 's.id', 'c.service_id')
    .select([
      'c.id',
      'c.ref',
      'c.title',
      'c.status',
      'c.owner_id',
      'u.name as owner_name',
      'c.service_id',
      's.name as service_name',
      'c.updated_at',
      'c.implementation',
      'c.created_at',
    ])
    .select([
      sql<number>`(SELECT count(*) FROM control_requirements cr WHERE cr.control_id = c.id)`.as(
        'requirement_count',
      ),
      evidenceState('c').as('evidence_state'),
      isFailing('c').$castTo<boolean>().as('failing'),
    ])
    .where('c.organization_id', '=', ctx.organizationId)
    .where(controlVisible(ctx.actor, 'c.id'));
}

export function filteredControls(ctx: ServiceContext, query: ControlListQuery) {
  let q = controlListQuery(ctx);
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) => eb.or([eb('c.ref', 'ilike', pattern), eb('c.title', 'ilike', pattern)]));
  }
  if (query.status) q = q.where('c.status', '=', query.status);
  if (query.ownerId) q = q.where('c.owner_id', '=', query.ownerId);
  if (query.scope === 'baseline') q = q.where('c.service_id', 'is', null);
  else if (query.scope) q = q.where('c.service_id', '=', query.scope);
  if (query.appliesTo) {
    const serviceId = query.appliesTo;
    q = q.where((eb) => eb.or([eb('c.service_id', 'is', null), eb('c.service_id', '=', serviceId)]));
  }
  if (query.evidenceState) q = q.where(sql<SqlBool>`${evidenceState('c')} = ${query.evidenceState}`);
  if (query.failing)
    q = q.where(query.failing === 'true' ? isFailing('c') : sql<SqlBool>`NOT ${isFailing('c')}`);
  return q;
}
