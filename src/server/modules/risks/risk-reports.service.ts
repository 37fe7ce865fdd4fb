import { sql } from 'kysely';
import type { RiskHeatmap, RiskOverview } from '../../../contracts/risks.js';
import type { RiskPlanDocument, RiskPlanRow } from '../../../formats/risk-plan.js';
import { controlVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { fileNamePart } from '../../kernel/http/downloads.js';
import { getRiskMatrix, levelSql } from './risk-matrix.service.js';
import { scoreOf } from './risks.presenter.js';
import { isOverdue, residualScore, riskListQuery, todayUtc } from './risks.repository.js';

async function cells(ctx: ServiceContext, kind: 'inherent' | 'residual') {
  const rows = await ctx.db
    .selectFrom('risks')
    .select([
      sql<number>`${sql.ref(`${kind}_likelihood`)}`.as('likelihood'),
      sql<number>`${sql.ref(`${kind}_impact`)}`.as('impact'),
      (eb) => eb.fn.countAll<number>().as('count'),
    ])
    .where('organization_id', '=', ctx.organizationId)
    .where('status', '<>', 'closed')
    .groupBy([`${kind}_likelihood`, `${kind}_impact`])
    .orderBy(`${kind}_likelihood`)
    .orderBy(`${kind}_impact`)
    .execute();
  return rows.map((r) => ({
    likelihood: Number(r.likelihood),
    impact: Number(r.impact),
    count: Number(r.count),
  }));
}

export async function riskHeatmap(ctx: ServiceContext): Promise<RiskHeatmap> {
  const [matrix, inherent, residual] = await Promise.all([
    getRiskMatrix(ctx),
    cells(ctx, 'inherent'),
    cells(ctx, 'residual'),
  ]);
  return {
    likelihoodLabels: matrix.likelihoodLabels,
    impactLabels: matrix.impactLabels,
    bands: matrix.bands,
    inherent,
    residual,
  };
}

export async function riskOverview(ctx: ServiceContext): Promise<RiskOverview> {
  const matrix = await getRiskMatrix(ctx);
  const today = todayUtc();
  const rows = await ctx.db
    .selectFrom('risks as r')
    .select([
      levelSql(residualScore, matrix.bands).as('level'),
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`count(*) FILTER (WHERE ${isOverdue(today)})`.as('overdue'),
      sql<number>`count(*) FILTER (WHERE r.treatment IS NULL)`.as('untreated'),
    ])
    .where('r.organization_id', '=', ctx.organizationId)
    .where('r.status', '<>', 'closed')
    .groupBy(sql`1`)
    .execute();
  const openByLevel = { low: 0, medium: 0, high: 0, critical: 0 };
  let overdueReviews = 0;
  let untreated = 0;
  for (const row of rows) {
    openByLevel[row.level] = Number(row.n);
    overdueReviews += Number(row.overdue);
    untreated += Number(row.untreated);
  }
  return { openByLevel, overdueReviews, untreated };
}

const treatmentLabels: Record<string, string> = {
  mitigate: 'Mitigate',
  accept: 'Accept',
  transfer: 'Transfer',
  avoid: 'Avoid',
};

async function controlsByRisk(ctx: ServiceContext): Promise<Map<string, string[]>> {
  const rows = await ctx.db
    .selectFrom('risk_controls as rc')
    .innerJoin('controls as c', 'c.id', 'rc.control_id')
    .select(['rc.risk_id', 'c.ref', 'c.title', 'c.status'])
    .where('rc.organization_id', '=', ctx.organizationId)
    .where(controlVisible(ctx.actor, 'c.id'))
    .orderBy('c.ref')
    .execute();
  const map = new Map<string, string[]>();
  for (const r of rows)
    map.set(r.risk_id, [
      ...(map.get(r.risk_id) ?? []),
      `${r.ref} ${r.title} (${r.status.replace('-', ' ')})`,
    ]);
  return map;
}

export async function buildRiskPlan(ctx: ServiceContext, now = new Date()): Promise<RiskPlanDocument> {
  const [matrix, org, risks, controls] = await Promise.all([
    getRiskMatrix(ctx),
    ctx.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', ctx.organizationId)
      .executeTakeFirstOrThrow(),
    riskListQuery(ctx, todayUtc(now)).where('r.status', '<>', 'closed').orderBy('r.ref').execute(),
    controlsByRisk(ctx),
  ]);
  const scoreText = (likelihood: number, impact: number) => {
    const s = scoreOf(likelihood, impact, matrix.bands);
    return `${s.score} ${s.level} (L${likelihood} × I${impact})`;
  };
  const details = (r: (typeof risks)[number]): string => {
    if (r.treatment === 'mitigate') return (controls.get(r.id) ?? []).join('\n');
    if (r.treatment === 'accept')
      return `Approved by ${r.approver_name ?? '?'}, until ${r.acceptance_expires_on ?? '?'}`;
    if (r.treatment === 'transfer') return `Transferred to ${r.transfer_to ?? '?'}`;
    return r.treatment === 'avoid' ? 'The activity is stopped' : 'Not treated yet';
  };
  const rows: RiskPlanRow[] = risks.map((r) => ({
    ref: r.ref,
    title: r.title,
    owner: r.owner_name ?? '',
    inherent: scoreText(r.inherent_likelihood, r.inherent_impact),
    residual: scoreText(r.residual_likelihood, r.residual_impact),
    treatment: r.treatment ? (treatmentLabels[r.treatment] ?? r.treatment) : 'None',
    details: details(r),
    status: r.status,
    reviewDate: r.review_date ? `${r.review_date}${r.review_overdue ? ' (overdue)' : ''}` : '',
  }));
  return {
    organizationName: org.name,
    generatedAt: now.toISOString(),
    matrix: `${matrix.likelihoodLabels.length}×${matrix.impactLabels.length}; medium from ${matrix.bands.medium}, high from ${matrix.bands.high}, critical from ${matrix.bands.critical}`,
    rows,
  };
}

export async function exportRiskPlan(ctx: ServiceContext, format: 'xlsx' | 'pdf') {
  const doc = await buildRiskPlan(ctx);
  // The renderers (exceljs, PDF) load on first use, not at start-up.
  const body =
    format === 'xlsx'
      ? (await import('../../../formats/risk-plan-xlsx.js')).renderRiskPlanXlsx(doc)
      : (await import('../../../formats/risk-plan-pdf.js')).renderRiskPlanPdf(doc);
  return {
    body: await body,
    contentType:
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'application/pdf',
    fileName: `Risk-treatment-plan-${fileNamePart(doc.organizationName)}-${doc.generatedAt.slice(0, 10)}.${format}`,
  };
}
