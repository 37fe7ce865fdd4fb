import { type SqlBool, sql } from 'kysely';
import type { RiskListQuery, ScoreBands } from '../../../contracts/risks.js';
import type { ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { levelSql } from './risk-matrix.service.js';

/** Today's date in UTC, YYYY-MM-DD: what review dates and acceptance expiries are compared with. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

export const residualScore = sql<number>`(r.residual_likelihood * r.residual_impact)`;

export function isOverdue(today: string) {
  return sql<SqlBool>`(coalesce(r.review_date < ${today}::date, false) AND r.status <> 'closed')`;
}

/** Risks with owner, dates as text and the number of mitigating controls, as one query. */
export function riskListQuery(ctx: ServiceContext, today: string) {
  return ctx.db
    .selectFrom('risks as r')
    .leftJoin('users as u', 'u.id', 'r.owner_id')
    .select([
      'r.id',
      'r.ref',
      'r.title',
      'r.description',
      'r.threat',
      'r.vulnerability',
      'r.owner_id',
      'u.name as owner_name',
      'r.inherent_likelihood',
      'r.inherent_impact',
      'r.residual_likelihood',
      'r.residual_impact',
      'r.treatment',
      'r.acceptance_approver_id',
      'r.acceptance_approved_at',
      'r.transfer_to',
      'r.status',
      'r.created_at',
      'r.updated_at',
    ])
    .select([
      sql<string | null>`to_char(r.review_date, 'YYYY-MM-DD')`.as('review_date'),
      sql<string | null>`to_char(r.acceptance_expires_on, 'YYYY-MM-DD')`.as('acceptance_expires_on'),
      sql<string | null>`(SELECT name FROM users a WHERE a.id = r.acceptance_approver_id)`.as(
        'approver_name',
      ),
      sql<number>`(SELECT count(*) FROM risk_controls rc WHERE rc.risk_id = r.id)`.as('control_count'),
      isOverdue(today).$castTo<boolean>().as('review_overdue'),
    ])
    .where('r.organization_id', '=', ctx.organizationId);
}

export function filteredRisks(ctx: ServiceContext, query: RiskListQuery, bands: ScoreBands, today: string) {
  let q = riskListQuery(ctx, today);
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) => eb.or([eb('r.ref', 'ilike', pattern), eb('r.title', 'ilike', pattern)]));
  }
  if (query.level) q = q.where(sql<SqlBool>`${levelSql(residualScore, bands)} = ${query.level}`);
  if (query.treatment === 'none') q = q.where('r.treatment', 'is', null);
  else if (query.treatment) q = q.where('r.treatment', '=', query.treatment);
  if (query.status) q = q.where('r.status', '=', query.status);
  if (query.ownerId) q = q.where('r.owner_id', '=', query.ownerId);
  if (query.assetId) {
    const assetId = query.assetId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('risk_assets as ra')
          .select('ra.risk_id')
          .whereRef('ra.risk_id', '=', 'r.id')
          .where('ra.asset_id', '=', assetId),
      ),
    );
  }
  for (const kind of ['inherent', 'residual'] as const) {
    const cell = query[kind];
    if (!cell) continue;
    const [likelihood, impact] = cell.split('-').map(Number);
    q = q
      .where(`r.${kind}_likelihood`, '=', likelihood ?? 0)
      .where(`r.${kind}_impact`, '=', impact ?? 0)
      .where('r.status', '<>', 'closed');
  }
  if (query.overdue)
    q = q.where(query.overdue === 'true' ? isOverdue(today) : sql<SqlBool>`NOT ${isOverdue(today)}`);
  return q;
}
