import type { RequirementImplementationStatus } from '../../../contracts/soa.js';
import {
  type OscalExportControl,
  type OscalExportFramework,
  renderComponentDefinition,
  renderSystemSecurityPlan,
  serializeOscal,
} from '../../../formats/oscal/oscal-export.js';
import { controlVisible, frameworkVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { fileNamePart } from '../../kernel/http/downloads.js';
import { controlInScope, requirementWithStatusQuery } from './requirements.repository.js';

/** Version of the exported documents: the size of the audit log, which grows with every change. */
async function documentVersion(ctx: ServiceContext): Promise<string> {
  const head = await ctx.db
    .selectFrom('audit_log_heads')
    .select('size')
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  return `audit-${head?.size ?? 0}`;
}

async function organizationOf(ctx: ServiceContext) {
  const org = await ctx.db
    .selectFrom('organizations')
    .select(['id', 'name', 'security_contact_email'])
    .where('id', '=', ctx.organizationId)
    .executeTakeFirstOrThrow();
  return { id: org.id, name: org.name, email: org.security_contact_email };
}

async function controlsInScope(ctx: ServiceContext, serviceId?: string): Promise<OscalExportControl[]> {
  const rows = await ctx.db
    .selectFrom('controls as c')
    .select(['c.id', 'c.ref', 'c.title', 'c.implementation', 'c.status', 'c.service_id'])
    .where('c.organization_id', '=', ctx.organizationId)
    .where(controlInScope(serviceId))
    .where(controlVisible(ctx.actor, 'c.id'))
    .orderBy('c.ref')
    .execute();
  return rows.map((c) => ({
    id: c.id,
    ref: c.ref,
    title: c.title,
    implementation: c.implementation,
    status: c.status,
    serviceId: c.service_id,
  }));
}

/** A framework's requirements with status and the in-scope controls mapped to them. */
async function exportFramework(
  ctx: ServiceContext,
  framework: { id: string; key: string; name: string; version: string },
  serviceId: string | undefined,
  onlyMapped: boolean,
): Promise<OscalExportFramework> {
  const [rows, links] = await Promise.all([
    ctx.db
      .selectFrom(requirementWithStatusQuery(ctx, framework.id, serviceId).as('t'))
      .selectAll('t')
      .where('t.kind', '=', 'requirement')
      .orderBy('t.position')
      .execute(),
    ctx.db
      .selectFrom('control_requirements as cr')
      .innerJoin('controls as c', 'c.id', 'cr.control_id')
      .innerJoin('requirements as r', 'r.id', 'cr.requirement_id')
      .select(['cr.requirement_id', 'cr.control_id'])
      .where('r.framework_id', '=', framework.id)
      .where(controlInScope(serviceId))
      .execute(),
  ]);
  const controlIds = new Map<string, string[]>();
  for (const l of links)
    controlIds.set(l.requirement_id, [...(controlIds.get(l.requirement_id) ?? []), l.control_id]);
  return {
    key: framework.key,
    name: framework.name,
    version: framework.version,
    requirements: rows
      .filter((r) => !onlyMapped || controlIds.has(r.id))
      .map((r) => ({
        key: r.key,
        ref: r.ref,
        title: r.title,
        status: r.implementation_status as RequirementImplementationStatus,
        justification: r.justification ?? undefined,
        controlIds: controlIds.get(r.id) ?? [],
      })),
  };
}

/** OSCAL component definition of one service: the baseline controls it inherits plus its own. */
export async function exportComponentDefinition(ctx: ServiceContext, serviceId: string) {
  const service = await ctx.db
    .selectFrom('services')
    .select(['id', 'name', 'description'])
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', serviceId)
    .executeTakeFirst();
  if (!service) throw notFound(`Service ${serviceId}`);
  const frameworks = await ctx.db
    .selectFrom('frameworks')
    .select(['id', 'key', 'name', 'version'])
    .where('organization_id', '=', ctx.organizationId)
    .where(frameworkVisible(ctx.actor, 'id'))
    .orderBy('key')
    .execute();
  const document = renderComponentDefinition({
    organization: await organizationOf(ctx),
    service,
    frameworks: (await Promise.all(frameworks.map((f) => exportFramework(ctx, f, serviceId, true)))).filter(
      (f) => f.requirements.length > 0,
    ),
    controls: await controlsInScope(ctx, serviceId),
    lastModified: new Date(),
    version: await documentVersion(ctx),
  });
  return {
    body: serializeOscal(document),
    fileName: `component-definition-${fileNamePart(service.name)}.json`,
  };
}

/** OSCAL system security plan of the whole cloud platform against one framework. */
export async function exportSystemSecurityPlan(ctx: ServiceContext, frameworkId: string) {
  const framework = await ctx.db
    .selectFrom('frameworks')
    .select(['id', 'key', 'name', 'version'])
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', frameworkId)
    .where(frameworkVisible(ctx.actor, 'id'))
    .executeTakeFirst();
  if (!framework) throw notFound(`Framework ${frameworkId}`);
  const organization = await organizationOf(ctx);
  const services = await ctx.db
    .selectFrom('services')
    .select(['id', 'name', 'description'])
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('name')
    .execute();
  const document = renderSystemSecurityPlan({
    organization,
    system: {
      id: organization.id,
      name: `${organization.name} cloud platform`,
      description: `The cloud services of ${organization.name}: ${services.map((s) => s.name).join(', ')}.`,
      sensitivity: 'moderate',
      status: 'operational',
      authorizationBoundary: `The services ${services.map((s) => s.name).join(', ')} and the data centres, networks and people that run them.`,
    },
    framework: await exportFramework(ctx, framework, undefined, false),
    services,
    controls: await controlsInScope(ctx),
    lastModified: new Date(),
    version: await documentVersion(ctx),
  });
  return { body: serializeOscal(document), fileName: `ssp-${fileNamePart(framework.name)}.json` };
}
