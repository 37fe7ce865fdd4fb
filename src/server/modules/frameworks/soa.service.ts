import type { RequirementImplementationStatus, SoaControl, SoaDocument } from '../../../contracts/soa.js';
import type { ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { getFramework } from './frameworks.service.js';
import { controlInScope, requirementWithStatusQuery } from './requirements.repository.js';

async function serviceName(ctx: ServiceContext, serviceId: string | undefined): Promise<string | null> {
  if (serviceId === undefined) return null;
  const row = await ctx.db
    .selectFrom('services')
    .select('name')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', serviceId)
    .executeTakeFirst();
  if (!row) throw notFound(`Service ${serviceId}`);
  return row.name;
}

async function controlsByRequirement(
  ctx: ServiceContext,
  frameworkId: string,
  serviceId: string | undefined,
) {
  const rows = await ctx.db
    .selectFrom('control_requirements as cr')
    .innerJoin('requirements as r', 'r.id', 'cr.requirement_id')
    .innerJoin('controls as c', 'c.id', 'cr.control_id')
    .leftJoin('services as s', 's.id', 'c.service_id')
    .select(['cr.requirement_id', 'c.ref', 'c.title', 'c.status', 's.name as service_name'])
    .where('r.framework_id', '=', frameworkId)
    .where('c.organization_id', '=', ctx.organizationId)
    .where(controlInScope(serviceId))
    .orderBy('c.ref')
    .execute();
  const map = new Map<string, SoaControl[]>();
  for (const r of rows) {
    const list = map.get(r.requirement_id) ?? [];
    list.push({
      ref: r.ref,
      title: r.title,
      status: r.status,
      scope: r.service_name ?? 'Baseline',
    });
    map.set(r.requirement_id, list);
  }
  return map;
}

/**
 * The Statement of Applicability: every requirement with its applicability, justification, derived
 * implementation status and implementing controls — for the organisation, or one service (baseline + its own).
 */
export async function buildSoa(
  ctx: ServiceContext,
  frameworkId: string,
  serviceId?: string,
): Promise<SoaDocument> {
  const framework = await getFramework(ctx, frameworkId);
  const [service, organization, rows, controls] = await Promise.all([
    serviceName(ctx, serviceId),
    ctx.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', ctx.organizationId)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom(requirementWithStatusQuery(ctx, frameworkId, serviceId).as('t'))
      .selectAll('t')
      .orderBy('t.position')
      .execute(),
    controlsByRequirement(ctx, frameworkId, serviceId),
  ]);
  const groupName = new Map<string, string>();
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  for (const r of rows) if (r.kind === 'group') groupName.set(r.id, `${r.ref} ${r.title}`);
  const nearestGroup = (id: string): string => {
    for (let p = parentOf.get(id) ?? null; p !== null; p = parentOf.get(p) ?? null) {
      const name = groupName.get(p);
      if (name) return name;
    }
    return '';
  };
  return {
    organizationName: organization.name,
    frameworkName: framework.name,
    frameworkVersion: framework.version,
    serviceName: service,
    generatedAt: new Date().toISOString(),
    rows: rows
      .filter((r) => r.kind === 'requirement')
      .map((r) => ({
        ref: r.ref,
        title: r.title,
        group: nearestGroup(r.id),
        applicable: r.applicable,
        justification: r.justification ?? '',
        implementationStatus: r.implementation_status as RequirementImplementationStatus,
        controls: controls.get(r.id) ?? [],
      })),
  };
}
