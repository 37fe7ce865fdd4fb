import { type Expression, type SqlBool, sql } from 'kysely';
import type { ServiceContext } from '../../kernel/context.js';

/**
 * The controls that count for a requirement: every control, or for a per-service view the organisation-wide
 * baseline plus that service's own controls.
 */
export function controlInScope(serviceId: string | undefined): Expression<SqlBool> {
  return serviceId === undefined
    ? sql<SqlBool>`true`
    : sql<SqlBool>`(c.service_id IS NULL OR c.service_id = ${serviceId})`;
}

export interface RequirementStatusRow {
  id: string;
  parent_id: string | null;
  key: string;
  ref: string;
  kind: string;
  title: string;
  depth: number;
  position: number;
  applicable: boolean | null;
  justification: string | null;
  control_count: number;
  implemented_count: number;
  in_progress_count: number;
  mapping_count: number;
}

/** Requirements of a framework with applicability and the status counts of the controls mapped to them. */
export function requirementStatusQuery(ctx: ServiceContext, frameworkId: string, serviceId?: string) {
  return ctx.db
    .selectFrom('requirements as r')
    .innerJoin('frameworks as f', 'f.id', 'r.framework_id')
    .leftJoin('applicability as a', 'a.requirement_id', 'r.id')
    .select([
      'r.id',
      'r.parent_id',
      'r.key',
      'r.ref',
      'r.kind',
      'r.title',
      'r.depth',
      'r.position',
      'a.applicable',
      'a.justification',
    ])
    .select(() => [
      sql<number>`(SELECT count(*) FROM control_requirements cr JOIN controls c ON c.id = cr.control_id
        WHERE cr.requirement_id = r.id AND ${controlInScope(serviceId)})`.as('control_count'),
      sql<number>`(SELECT count(*) FROM control_requirements cr JOIN controls c ON c.id = cr.control_id
        WHERE cr.requirement_id = r.id AND c.status = 'implemented' AND ${controlInScope(serviceId)})`.as(
        'implemented_count',
      ),
      sql<number>`(SELECT count(*) FROM control_requirements cr JOIN controls c ON c.id = cr.control_id
        WHERE cr.requirement_id = r.id AND c.status = 'in-progress' AND ${controlInScope(serviceId)})`.as(
        'in_progress_count',
      ),
      sql<number>`(SELECT count(*) FROM requirement_mappings m WHERE m.organization_id = r.organization_id
        AND ((m.source_framework = f.key AND m.source_ref = r.ref)
          OR (m.target_framework = f.key AND m.target_ref = r.ref)))`.as('mapping_count'),
    ])
    .where('r.organization_id', '=', ctx.organizationId)
    .where('r.framework_id', '=', frameworkId);
}

/** The same rows with their SoA implementation status derived in SQL, so lists can filter and page on it. */
export function requirementWithStatusQuery(ctx: ServiceContext, frameworkId: string, serviceId?: string) {
  return ctx.db
    .selectFrom(requirementStatusQuery(ctx, frameworkId, serviceId).as('s'))
    .selectAll('s')
    .select(
      sql<string>`CASE
        WHEN s.applicable IS NULL THEN 'undecided'
        WHEN NOT s.applicable THEN 'not-applicable'
        WHEN s.control_count = 0 THEN 'not-addressed'
        WHEN s.implemented_count = s.control_count THEN 'implemented'
        WHEN s.implemented_count > 0 OR s.in_progress_count > 0 THEN 'in-progress'
        ELSE 'not-started' END`.as('implementation_status'),
    );
}
