import { sql } from 'kysely';
import type { LevelCounts, ReviewReport } from '../../../contracts/management-review.js';
import type { ServiceContext } from '../../kernel/context.js';
// The risks module's index exposes only routes; its matrix bands decide the levels shown here too.
import { getRiskMatrix, levelSql } from '../risks/index.js';
import { addDays, type Period } from './report-period.js';

/** Acceptances ending within this many days of the assembly are listed as expiring. */
export const EXPIRY_HORIZON_DAYS = 90;

type RiskSection = Omit<ReviewReport['risks'], 'trend'>;

export async function riskSection(ctx: ServiceContext, p: Period): Promise<RiskSection> {
  const org = ctx.organizationId;
  const { bands } = await getRiskMatrix(ctx);
  const inherent = levelSql(sql`(inherent_likelihood * inherent_impact)`, bands);
  const residual = levelSql(sql`(residual_likelihood * residual_impact)`, bands);
  const [levels, accepted] = await Promise.all([
    sql<{ kind: string; level: string; count: number }>`
      SELECT 'inherent' AS kind, ${inherent} AS level, count(*) AS count FROM risks
      WHERE organization_id = ${org} AND status <> 'closed' GROUP BY 2
      UNION ALL
      SELECT 'residual', ${residual}, count(*) FROM risks
      WHERE organization_id = ${org} AND status <> 'closed' GROUP BY 2`.execute(ctx.db),
    sql<{ ref: string; title: string; expires_on: string | null; status: string }>`
      SELECT ref, title, status, to_char(acceptance_expires_on, 'YYYY-MM-DD') AS expires_on FROM risks
      WHERE organization_id = ${org} AND status <> 'closed' AND treatment = 'accept'
      ORDER BY acceptance_expires_on NULLS LAST, ref`.execute(ctx.db),
  ]);
  const countsOf = (kind: string): LevelCounts => {
    const of = (level: string) =>
      Number(levels.rows.find((r) => r.kind === kind && r.level === level)?.count ?? 0);
    return { low: of('low'), medium: of('medium'), high: of('high'), critical: of('critical') };
  };
  const residualByLevel = countsOf('residual');
  const horizon = addDays(p.today, EXPIRY_HORIZON_DAYS);
  return {
    total: Object.values(residualByLevel).reduce((a, b) => a + b, 0),
    inherentByLevel: countsOf('inherent'),
    residualByLevel,
    accepted: accepted.rows.length,
    expiringAcceptances: accepted.rows
      .filter((r) => r.expires_on !== null && r.expires_on <= horizon)
      .map((r) => ({ ref: r.ref, title: r.title, expiresOn: r.expires_on ?? '' })),
  };
}
