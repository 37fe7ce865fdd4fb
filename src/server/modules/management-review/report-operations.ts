import { sql } from 'kysely';
import type { ReviewReport } from '../../../contracts/management-review.js';
import { type KpiDirection, kpiStatusOf, type ObjectiveArea } from '../../../contracts/objectives.js';
import type { ServiceContext } from '../../kernel/context.js';
// computeCoverage is not exported through the frameworks index; the report reuses it rather than recount.
import { computeCoverage } from '../frameworks/index.js';
import type { Period } from './report-period.js';

const n = (v: unknown) => Number(v ?? 0);
const LIST_LIMIT = 100;

export async function objectiveSection(ctx: ServiceContext): Promise<ReviewReport['objectives']> {
  const org = ctx.organizationId;
  const [objectives, kpis] = await Promise.all([
    sql<{ id: string; title: string; area: ObjectiveArea; owner_name: string; due_date: string }>`
      SELECT o.id, o.title, o.area, u.name AS owner_name, o.due_date FROM objectives o
      JOIN users u ON u.id = o.owner_id WHERE o.organization_id = ${org}
      ORDER BY o.due_date, o.title, o.id LIMIT ${LIST_LIMIT}`.execute(ctx.db),
    sql<{
      objective_id: string;
      name: string;
      unit: string;
      direction: KpiDirection;
      target: number;
      threshold: number | null;
      latest: number | null;
    }>`
      SELECT k.objective_id, k.name, k.unit, k.direction, k.target, k.threshold,
        (SELECT m.value FROM kpi_measurements m WHERE m.organization_id = ${org} AND m.kpi_id = k.id
         ORDER BY m.measured_at DESC, m.created_at DESC, m.id DESC LIMIT 1) AS latest
      FROM objective_kpis k WHERE k.organization_id = ${org} AND k.objective_id IN (
        SELECT id FROM objectives WHERE organization_id = ${org}
        ORDER BY due_date, title, id LIMIT ${LIST_LIMIT})
      ORDER BY k.objective_id, k.position, k.created_at, k.id`.execute(ctx.db),
  ]);
  return {
    items: objectives.rows.map((o) => ({
      title: o.title,
      area: o.area,
      ownerName: o.owner_name,
      dueDate: o.due_date,
      kpis: kpis.rows
        .filter((k) => k.objective_id === o.id)
        .map((k) => {
          const kpi = {
            direction: k.direction,
            target: Number(k.target),
            threshold: k.threshold === null ? null : Number(k.threshold),
          };
          const latest = k.latest === null ? null : Number(k.latest);
          return { name: k.name, unit: k.unit, ...kpi, latest, status: kpiStatusOf(kpi, latest) };
        }),
    })),
  };
}

export async function checkSection(ctx: ServiceContext): Promise<ReviewReport['checks']> {
  const org = ctx.organizationId;
  const [counts, failing, coverage] = await Promise.all([
    sql<{ status: string; count: number }>`
      SELECT status, count(*) AS count FROM checks WHERE organization_id = ${org} GROUP BY status`.execute(
      ctx.db,
    ),
    sql<{ name: string; last_run_at: Date | null }>`
      SELECT name, last_run_at FROM checks WHERE organization_id = ${org} AND status = 'failing'
      ORDER BY name, id LIMIT ${LIST_LIMIT}`.execute(ctx.db),
    computeCoverage(ctx),
  ]);
  const of = (status: string) => n(counts.rows.find((r) => r.status === status)?.count);
  return {
    passing: of('passing'),
    failing: of('failing'),
    unknown: of('unknown'),
    failingList: failing.rows.map((r) => ({
      name: r.name,
      lastRunAt: r.last_run_at ? new Date(r.last_run_at).toISOString() : null,
    })),
    coverage: coverage.map((c) => ({
      framework: c.frameworkName,
      applicable: c.applicable,
      covered: c.covered,
      implemented: c.implemented,
      evidenceFresh: c.evidenceFresh,
      evidenceStale: c.evidenceStale,
      evidenceMissing: c.evidenceMissing,
      failingControls: c.failingControls,
    })),
  };
}

export async function policySection(ctx: ServiceContext, p: Period): Promise<ReviewReport['policies']> {
  const org = ctx.organizationId;
  const [published, overdue, campaigns] = await Promise.all([
    sql<{ count: number }>`
      SELECT count(DISTINCT document_id) AS count FROM policy_versions
      WHERE organization_id = ${org} AND status = 'published'`.execute(ctx.db),
    sql<{ title: string; next_review_on: string }>`
      SELECT title, to_char(next_review_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS next_review_on
      FROM policy_documents WHERE organization_id = ${org} AND next_review_at < now()
      ORDER BY next_review_at, title LIMIT ${LIST_LIMIT}`.execute(ctx.db),
    sql<{ title: string; number: number; targeted: number; acknowledged: number; due_on: string }>`
      SELECT d.title, v.number, to_char(c.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS due_on,
        -- As on the Policies page: people disabled since the campaign started count only if they accepted.
        (SELECT count(*) FROM policy_campaign_targets t JOIN users u ON u.id = t.user_id
           WHERE t.organization_id = ${org} AND t.campaign_id = c.id AND (u.status = 'active' OR EXISTS (
             SELECT 1 FROM policy_acknowledgements a WHERE a.version_id = c.version_id AND a.user_id = t.user_id)))
          AS targeted,
        (SELECT count(*) FROM policy_campaign_targets t JOIN policy_acknowledgements a
           ON a.user_id = t.user_id AND a.version_id = c.version_id
         WHERE t.organization_id = ${org} AND t.campaign_id = c.id) AS acknowledged
      FROM policy_campaigns c
      JOIN policy_documents d ON d.id = c.document_id
      JOIN policy_versions v ON v.id = c.version_id
      WHERE c.organization_id = ${org} AND v.status = 'published' AND c.due_at >= ${p.from}::date
      ORDER BY c.due_at, d.title, c.id LIMIT ${LIST_LIMIT}`.execute(ctx.db),
  ]);
  return {
    published: n(published.rows[0]?.count),
    overdueReviews: overdue.rows.map((r) => ({ title: r.title, nextReviewOn: r.next_review_on })),
    campaigns: campaigns.rows.map((r) => ({
      title: r.title,
      version: n(r.number),
      targeted: n(r.targeted),
      acknowledged: n(r.acknowledged),
      dueOn: r.due_on,
    })),
  };
}
