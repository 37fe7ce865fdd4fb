import { type SqlBool, sql } from 'kysely';
import type { NcListQuery } from '../../../contracts/nonconformities.js';
import { nonconformityVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { today } from './people.js';

export function ncListQuery(ctx: ServiceContext) {
  const day = today();
  return ctx.db
    .selectFrom('nonconformities as n')
    .leftJoin('users as u', 'u.id', 'n.owner_id')
    .selectAll('n')
    .select('u.name as owner_name')
    .select([
      sql<number>`(SELECT count(*) FROM corrective_actions a WHERE a.nonconformity_id = n.id)`.as(
        'action_count',
      ),
      sql<number>`(SELECT count(*) FROM corrective_actions a
        WHERE a.nonconformity_id = n.id AND a.done_at IS NULL AND a.due_date < ${day})`.as('overdue_actions'),
    ])
    .where('n.organization_id', '=', ctx.organizationId)
    .where(nonconformityVisible(ctx.actor, 'n.finding_id'));
}

export type NcListRow = Awaited<ReturnType<ReturnType<typeof ncListQuery>['executeTakeFirstOrThrow']>>;

export function filteredNonconformities(ctx: ServiceContext, f: NcListQuery) {
  let q = ncListQuery(ctx);
  if (f.status === 'not-closed') q = q.where('n.status', '!=', 'closed');
  else if (f.status) q = q.where('n.status', '=', f.status);
  if (f.severity) q = q.where('n.severity', '=', f.severity);
  if (f.source) q = q.where('n.source', '=', f.source);
  if (f.ownerId) q = q.where('n.owner_id', '=', f.ownerId);
  if (f.overdue)
    q = q.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM corrective_actions a
        WHERE a.nonconformity_id = n.id AND a.done_at IS NULL AND a.due_date < ${today()})`,
    );
  return q;
}

export async function findNonconformity(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('nonconformities')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .where(nonconformityVisible(ctx.actor, 'finding_id'))
    .executeTakeFirst();
  if (!row) throw notFound(`Nonconformity ${id}`);
  return row;
}

export type NcRow = Awaited<ReturnType<typeof findNonconformity>>;

export function actionsOf(ctx: ServiceContext, nonconformityId: string) {
  return ctx.db
    .selectFrom('corrective_actions as a')
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .selectAll('a')
    .select('u.name as owner_name')
    .where('a.organization_id', '=', ctx.organizationId)
    .where('a.nonconformity_id', '=', nonconformityId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export function verificationsOf(ctx: ServiceContext, nonconformityId: string) {
  return ctx.db
    .selectFrom('nonconformity_verifications as v')
    .innerJoin('users as u', 'u.id', 'v.verified_by')
    .selectAll('v')
    .select('u.name as verifier_name')
    .where('v.organization_id', '=', ctx.organizationId)
    .where('v.nonconformity_id', '=', nonconformityId)
    .orderBy('v.verified_at')
    .orderBy('v.id')
    .execute();
}
