import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type {
  Coverage,
  coverageDrillDownQuerySchema,
  RequirementSummary,
} from '../../../contracts/frameworks.js';
import type { Page } from '../../../contracts/paging.js';
import { frameworkVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { paged } from '../../kernel/http/paging.js';
import { evidenceStatesFromSummaries, hasEvidence, hasFreshEvidence, isFailing } from '../controls/index.js';
import { getFramework } from './frameworks.service.js';
import { controlInScope, requirementWithStatusQuery } from './requirements.repository.js';
import { presentRequirementSummary } from './requirements.service.js';

type DrillDownQuery = z.output<typeof coverageDrillDownQuerySchema>;

interface CoverageRow {
  framework_id: string;
  framework_key: string;
  framework_name: string;
  requirements: number;
  applicable: number;
  not_applicable: number;
  undecided: number;
  covered: number;
  implemented: number;
  controls: number;
  controls_implemented: number;
  evidence_fresh: number;
  evidence_stale: number;
  evidence_missing: number;
  failing_controls: number;
}

/**
 * Coverage of every installed framework in three set-based passes (control health, per-requirement control
 * counts, distinct controls per framework) rather than per-row lookups, so it stays fast with many rows.
 */
export async function computeCoverage(ctx: ServiceContext, serviceId?: string): Promise<Coverage[]> {
  const org = ctx.organizationId;
  const result = await sql<CoverageRow>`
    WITH control_evidence AS (${evidenceStatesFromSummaries(org)}),
    failing_controls AS (
      SELECT DISTINCT cc.control_id FROM check_controls cc JOIN checks k ON k.id = cc.check_id
      WHERE cc.organization_id = ${org} AND k.status = 'failing'
    ),
    control_state AS (
      SELECT c.id, c.status, coalesce(ce.state, 'missing') AS evidence, fc.control_id IS NOT NULL AS failing
      FROM controls c
      LEFT JOIN control_evidence ce ON ce.control_id = c.id
      LEFT JOIN failing_controls fc ON fc.control_id = c.id
      WHERE c.organization_id = ${org} AND ${controlInScope(serviceId)}
    ),
    req AS (
      SELECT r.id, r.framework_id, a.applicable,
        count(cs.id) AS controls,
        count(cs.id) FILTER (WHERE cs.status = 'implemented') AS implemented
      FROM requirements r
      LEFT JOIN applicability a ON a.requirement_id = r.id
      LEFT JOIN control_requirements cr ON cr.requirement_id = r.id
      LEFT JOIN control_state cs ON cs.id = cr.control_id
      WHERE r.organization_id = ${org} AND r.kind = 'requirement'
      GROUP BY r.id, r.framework_id, a.applicable
    ),
    req_totals AS (
      SELECT framework_id,
        count(*) AS requirements,
        count(*) FILTER (WHERE applicable) AS applicable,
        count(*) FILTER (WHERE applicable = false) AS not_applicable,
        count(*) FILTER (WHERE applicable IS NULL) AS undecided,
        count(*) FILTER (WHERE applicable AND controls > 0) AS covered,
        count(*) FILTER (WHERE applicable AND controls > 0 AND implemented = controls) AS implemented
      FROM req GROUP BY framework_id
    ),
    fw_controls AS (
      SELECT DISTINCT r.framework_id, cs.id, cs.status, cs.evidence, cs.failing
      FROM requirements r
      LEFT JOIN applicability a ON a.requirement_id = r.id
      JOIN control_requirements cr ON cr.requirement_id = r.id
      JOIN control_state cs ON cs.id = cr.control_id
      WHERE r.organization_id = ${org} AND a.applicable IS DISTINCT FROM false
    ),
    control_totals AS (
      SELECT framework_id,
        count(*) AS controls,
        count(*) FILTER (WHERE status = 'implemented') AS controls_implemented,
        count(*) FILTER (WHERE evidence = 'fresh') AS evidence_fresh,
        count(*) FILTER (WHERE evidence = 'stale') AS evidence_stale,
        count(*) FILTER (WHERE evidence = 'missing') AS evidence_missing,
        count(*) FILTER (WHERE failing) AS failing_controls
      FROM fw_controls GROUP BY framework_id
    )
    SELECT f.id AS framework_id, f.key AS framework_key, f.name AS framework_name,
      coalesce(rt.requirements, 0) AS requirements, coalesce(rt.applicable, 0) AS applicable,
      coalesce(rt.not_applicable, 0) AS not_applicable, coalesce(rt.undecided, 0) AS undecided,
      coalesce(rt.covered, 0) AS covered, coalesce(rt.implemented, 0) AS implemented,
      coalesce(ct.controls, 0) AS controls, coalesce(ct.controls_implemented, 0) AS controls_implemented,
      coalesce(ct.evidence_fresh, 0) AS evidence_fresh, coalesce(ct.evidence_stale, 0) AS evidence_stale,
      coalesce(ct.evidence_missing, 0) AS evidence_missing, coalesce(ct.failing_controls, 0) AS failing_controls
    FROM frameworks f
    LEFT JOIN req_totals rt ON rt.framework_id = f.id
    LEFT JOIN control_totals ct ON ct.framework_id = f.id
    WHERE f.organization_id = ${org} AND ${frameworkVisible(ctx.actor, 'f.id')}
    ORDER BY f.name, f.id`.execute(ctx.db);
  return result.rows.map((r) => ({
    frameworkId: r.framework_id,
    frameworkKey: r.framework_key,
    frameworkName: r.framework_name,
    requirements: Number(r.requirements),
    applicable: Number(r.applicable),
    notApplicable: Number(r.not_applicable),
    undecided: Number(r.undecided),
    covered: Number(r.covered),
    implemented: Number(r.implemented),
    controls: Number(r.controls),
    controlsImplemented: Number(r.controls_implemented),
    evidenceFresh: Number(r.evidence_fresh),
    evidenceStale: Number(r.evidence_stale),
    evidenceMissing: Number(r.evidence_missing),
    failingControls: Number(r.failing_controls),
  }));
}

/** A requirement (alias t) has a mapped control in scope for which `condition` holds. */
function someControl(condition: RawBuilder<SqlBool>, serviceId: string | undefined): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM control_requirements cr JOIN controls c ON c.id = cr.control_id
    WHERE cr.requirement_id = t.id AND ${controlInScope(serviceId)} AND ${condition})`;
}

function drillDownCondition(filter: DrillDownQuery['filter'], serviceId?: string): RawBuilder<SqlBool> {
  switch (filter) {
    case 'undecided':
      return sql<SqlBool>`t.applicable IS NULL`;
    case 'uncovered':
      return sql<SqlBool>`t.applicable AND t.control_count = 0`;
    case 'not-implemented':
      return sql<SqlBool>`t.applicable AND t.control_count > 0 AND t.implemented_count < t.control_count`;
    case 'evidence-stale':
      return sql<SqlBool>`t.applicable IS DISTINCT FROM false
        AND ${someControl(sql<SqlBool>`${hasEvidence('c')} AND NOT ${hasFreshEvidence('c')}`, serviceId)}`;
    case 'evidence-missing':
      return sql<SqlBool>`t.applicable IS DISTINCT FROM false
        AND ${someControl(sql<SqlBool>`NOT ${hasEvidence('c')}`, serviceId)}`;
    case 'failing':
      return sql<SqlBool>`t.applicable IS DISTINCT FROM false AND ${someControl(isFailing('c'), serviceId)}`;
  }
}

/** The requirements behind one number of the coverage dashboard. */
export async function coverageDrillDown(
  ctx: ServiceContext,
  frameworkId: string,
  query: DrillDownQuery,
  serviceId?: string,
): Promise<Page<RequirementSummary>> {
  await getFramework(ctx, frameworkId);
  const q = ctx.db
    .selectFrom(requirementWithStatusQuery(ctx, frameworkId, serviceId).as('t'))
    .selectAll('t')
    .where('t.kind', '=', 'requirement')
    .where(drillDownCondition(query.filter, serviceId));
  return paged(q, (x) => x.orderBy('t.position'), query, presentRequirementSummary);
}
