import { type SqlBool, sql } from 'kysely';
import type { FindingListQuery } from '../../../contracts/vulnerabilities.js';
import { isScopedAuditor, vulnerabilityServiceVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';

/** Today's date in UTC, YYYY-MM-DD: what fix-by dates are compared with. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/** Open or in progress: what still needs fixing. */
export const ACTIVE_STATES = ['open', 'in_progress'] as const;

export function isOverdue(today: string) {
  return sql<SqlBool>`(f.state IN ('open', 'in_progress') AND coalesce(f.fix_by < ${today}::date, false))`;
}

/**
 * `targetColumn` holds a scan target id: visible to a scoped auditor when the target's asset belongs to a
 * service in their scope (see `vulnerabilityServiceVisible`).
 */
export function targetVisible(ctx: ServiceContext, targetColumn: string) {
  if (!isScopedAuditor(ctx.actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM vulnerability_targets vt JOIN assets va ON va.id = vt.asset_id
    WHERE vt.id = ${sql.ref(targetColumn)} AND ${vulnerabilityServiceVisible(ctx.actor, 'va.service_id')})`;
}

/**
 * Findings with their target, the target's asset and the asset's service, as one query; a scoped auditor sees
 * only the findings of services in their scope.
 */
export function findingQuery(ctx: ServiceContext, today: string) {
  return ctx.db
    .selectFrom('vulnerability_findings as f')
    .innerJoin('vulnerability_targets as t', 't.id', 'f.target_id')
    .leftJoin('assets as a', 'a.id', 't.asset_id')
    .leftJoin('services as s', 's.id', 'a.service_id')
    .leftJoin('users as u', 'u.id', 'f.accepted_by')
    .selectAll('f')
    .select([
      't.name as target_name',
      'a.id as asset_id',
      'a.name as asset_name',
      's.id as service_id',
      's.name as service_name',
      'u.name as approver_name',
      sql<string | null>`to_char(f.fix_by, 'YYYY-MM-DD')`.as('fix_by_text'),
      sql<string | null>`to_char(f.accepted_until, 'YYYY-MM-DD')`.as('accepted_until_text'),
      isOverdue(today).$castTo<boolean>().as('overdue'),
    ])
    .where('f.organization_id', '=', ctx.organizationId)
    .where(vulnerabilityServiceVisible(ctx.actor, 'a.service_id'));
}
export type FindingRow = Awaited<ReturnType<ReturnType<typeof findingQuery>['executeTakeFirstOrThrow']>>;

export function filteredFindings(ctx: ServiceContext, query: FindingListQuery, today: string) {
  let q = findingQuery(ctx, today);
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('f.primary_id', 'ilike', pattern),
        eb('f.title', 'ilike', pattern),
        eb('f.package_name', 'ilike', pattern),
      ]),
    );
  }
  if (query.severity) q = q.where('f.severity', '=', query.severity);
  if (query.state === 'active') q = q.where('f.state', 'in', ACTIVE_STATES);
  else if (query.state) q = q.where('f.state', '=', query.state);
  if (query.serviceId) q = q.where('a.service_id', '=', query.serviceId);
  if (query.assetId) q = q.where('t.asset_id', '=', query.assetId);
  if (query.targetId) q = q.where('f.target_id', '=', query.targetId);
  if (query.overdue === 'true') q = q.where(isOverdue(today));
  if (query.overdue === 'false') q = q.where(sql<SqlBool>`NOT ${isOverdue(today)}`);
  return q;
}

/** The finding's row locked for a change (FOR UPDATE), or undefined. */
export function lockFinding(ctx: ServiceContext, id: string) {
  return ctx.db
    .selectFrom('vulnerability_findings as f')
    .innerJoin('vulnerability_targets as t', 't.id', 'f.target_id')
    .select(['f.id', 'f.state', 'f.primary_id', 't.name as target_name'])
    .where('f.organization_id', '=', ctx.organizationId)
    .where('f.id', '=', id)
    .forUpdate('f')
    .executeTakeFirst();
}

const severityCounts = sql<number>`count(*)`;

/** Active findings per severity, all and overdue. */
export async function countActive(ctx: ServiceContext, today: string) {
  const rows = await ctx.db
    .selectFrom('vulnerability_findings as f')
    .select([
      'f.severity',
      severityCounts.as('open'),
      sql<number>`count(*) FILTER (WHERE ${isOverdue(today)})`.as('overdue'),
    ])
    .where('f.organization_id', '=', ctx.organizationId)
    .where('f.state', 'in', ACTIVE_STATES)
    .where(targetVisible(ctx, 'f.target_id'))
    .groupBy('f.severity')
    .execute();
  return rows.map((r) => ({ severity: r.severity, open: Number(r.open), overdue: Number(r.overdue) }));
}

/**
 * Findings open at the end of each of the last `weeks` ISO weeks, per severity: first seen by then and not
 * fixed by then. States other than fixed count as they are now (triage history is in the audit log).
 */
export async function weeklyOpen(ctx: ServiceContext, weeks: number, now: Date) {
  const r = await sql<{ week: string; severity: string; n: number }>`
    WITH w AS (
      SELECT generate_series(date_trunc('week', ${now}::timestamptz) - ${weeks - 1} * interval '1 week',
        date_trunc('week', ${now}::timestamptz), interval '1 week') AS start
    )
    SELECT to_char(w.start, 'YYYY-MM-DD') AS week, f.severity, count(f.id)::int AS n
    FROM w LEFT JOIN vulnerability_findings f
      ON f.organization_id = ${ctx.organizationId}
      AND f.first_seen_at < w.start + interval '1 week'
      AND (f.fixed_at IS NULL OR f.fixed_at >= w.start + interval '1 week')
      AND f.state IN ('open', 'in_progress', 'fixed')
      AND ${targetVisible(ctx, 'f.target_id')}
    GROUP BY w.start, f.severity ORDER BY w.start`.execute(ctx.db);
  return r.rows;
}
