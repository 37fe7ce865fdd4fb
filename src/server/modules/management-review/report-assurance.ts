import { sql } from 'kysely';
import type { ReviewReport } from '../../../contracts/management-review.js';
import type { ServiceContext } from '../../kernel/context.js';
import type { Period } from './report-period.js';

const n = (v: unknown) => Number(v ?? 0);

/** Audits completed in the period and the findings raised in them. */
export async function auditSection(ctx: ServiceContext, p: Period): Promise<ReviewReport['audits']> {
  const org = ctx.organizationId;
  const [audits, findings] = await Promise.all([
    sql<{ title: string; type: string; completed_on: string; conclusion: string }>`
      SELECT title, type, to_char(completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS completed_on, conclusion
      FROM audits WHERE organization_id = ${org} AND status = 'completed'
        AND completed_at >= ${p.from}::date AND completed_at < ${p.endExclusive}::timestamptz
      ORDER BY completed_at, id LIMIT 200`.execute(ctx.db),
    sql<{ type: string; count: number }>`
      SELECT f.type, count(*) AS count FROM audit_findings f JOIN audits a ON a.id = f.audit_id
      WHERE f.organization_id = ${org} AND a.status = 'completed'
        AND a.completed_at >= ${p.from}::date AND a.completed_at < ${p.endExclusive}::timestamptz
      GROUP BY f.type`.execute(ctx.db),
  ]);
  const count = (type: string) => n(findings.rows.find((r) => r.type === type)?.count);
  return {
    completed: audits.rows.map((a) => ({
      title: a.title,
      type: a.type,
      completedOn: a.completed_on,
      conclusion: a.conclusion,
    })),
    findingsByType: {
      majorNc: count('major-nc'),
      minorNc: count('minor-nc'),
      observation: count('observation'),
      opportunity: count('opportunity-for-improvement'),
    },
  };
}

export async function nonconformitySection(
  ctx: ServiceContext,
  p: Period,
): Promise<ReviewReport['nonconformities']> {
  const org = ctx.organizationId;
  const [counts, overdue] = await Promise.all([
    sql<{ opened: number; closed: number; open_major: number; open_minor: number }>`
      SELECT
        count(*) FILTER (WHERE raised_on >= ${p.from} AND raised_on <= ${p.to}) AS opened,
        count(*) FILTER (WHERE closed_at >= ${p.from}::date AND closed_at < ${p.endExclusive}::timestamptz) AS closed,
        count(*) FILTER (WHERE status <> 'closed' AND severity = 'major') AS open_major,
        count(*) FILTER (WHERE status <> 'closed' AND severity = 'minor') AS open_minor
      FROM nonconformities WHERE organization_id = ${org}`.execute(ctx.db),
    sql<{ ref: string; description: string; owner_name: string; due_date: string }>`
      SELECT n.ref, ca.description, u.name AS owner_name, ca.due_date
      FROM corrective_actions ca
      JOIN nonconformities n ON n.id = ca.nonconformity_id
      JOIN users u ON u.id = ca.owner_id
      WHERE ca.organization_id = ${org} AND ca.done_at IS NULL AND ca.due_date < ${p.today}
      ORDER BY ca.due_date, n.ref LIMIT 100`.execute(ctx.db),
  ]);
  const c = counts.rows[0];
  return {
    openedInPeriod: n(c?.opened),
    closedInPeriod: n(c?.closed),
    openBySeverity: { major: n(c?.open_major), minor: n(c?.open_minor) },
    overdueActions: overdue.rows.map((r) => ({
      ncRef: r.ref,
      description: r.description,
      ownerName: r.owner_name,
      dueDate: r.due_date,
    })),
  };
}
