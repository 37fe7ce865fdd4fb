import { type SqlBool, sql } from 'kysely';
import type { PolicyListQuery } from '../../../contracts/policies.js';
import type { ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { startOfDay } from './policy-dates.js';

export const OPEN_STATUSES = ['draft', 'in-review', 'approved'] as const;

/** Documents with owner, published and open version and whether their review is overdue. */
export function policyListQuery(ctx: ServiceContext, now = new Date()) {
  return ctx.db
    .selectFrom('policy_documents as d')
    .innerJoin('users as u', 'u.id', 'd.owner_id')
    .leftJoin('policy_versions as pv', (j) =>
      j.onRef('pv.document_id', '=', 'd.id').on('pv.status', '=', 'published'),
    )
    .leftJoin('policy_versions as ov', (j) =>
      j.onRef('ov.document_id', '=', 'd.id').on('ov.status', 'in', OPEN_STATUSES),
    )
    .select([
      'd.id',
      'd.title',
      'd.kind',
      'd.classification',
      'd.owner_id',
      'u.name as owner_name',
      'd.review_interval_months',
      'd.next_review_at',
      'd.created_at',
      'd.updated_at',
      'pv.number as published_number',
      'ov.number as open_number',
      'ov.status as open_status',
    ])
    .select(overdue(now).as('overdue'))
    .where('d.organization_id', '=', ctx.organizationId);
}

const overdue = (now: Date) =>
  sql<boolean>`coalesce(d.next_review_at < ${startOfDay(now)}, false)`.$castTo<boolean>();

export function filteredPolicies(ctx: ServiceContext, query: PolicyListQuery) {
  const now = new Date();
  let q = policyListQuery(ctx, now);
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where('d.title', 'ilike', pattern);
  }
  if (query.kind) q = q.where('d.kind', '=', query.kind);
  if (query.classification) q = q.where('d.classification', '=', query.classification);
  if (query.overdue === 'true') q = q.where(sql<SqlBool>`${overdue(now)}`);
  if (query.overdue === 'false') q = q.where(sql<SqlBool>`NOT ${overdue(now)}`);
  return q;
}

export async function findDocument(ctx: ServiceContext, id: string, lock = false) {
  let q = ctx.db
    .selectFrom('policy_documents')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(`Document ${id}`);
  return row;
}

export function versionQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('policy_versions as v')
    .leftJoin('users as a', 'a.id', 'v.author_id')
    .leftJoin('users as p', 'p.id', 'v.approver_id')
    .selectAll('v')
    .select(['a.name as author_name', 'p.name as approver_name'])
    .where('v.organization_id', '=', ctx.organizationId);
}

export async function findVersion(ctx: ServiceContext, documentId: string, number: number) {
  const row = await versionQuery(ctx)
    .where('v.document_id', '=', documentId)
    .where('v.number', '=', number)
    .executeTakeFirst();
  if (!row) throw notFound(`Version ${number} of document ${documentId}`);
  return row;
}

export type VersionRow = Awaited<ReturnType<typeof findVersion>>;
export type PolicyListRow = Awaited<
  ReturnType<ReturnType<typeof policyListQuery>['executeTakeFirstOrThrow']>
>;
