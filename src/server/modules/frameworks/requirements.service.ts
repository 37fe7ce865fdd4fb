import type { z } from 'zod';
import { catalogParameterSchema, type MappingRelationship } from '../../../contracts/catalog.js';
import type {
  applicabilityRequestSchema,
  bulkApplicabilityRequestSchema,
  MappedRequirement,
  RequirementDetail,
  RequirementSummary,
  requirementListQuerySchema,
} from '../../../contracts/frameworks.js';
import type { Page } from '../../../contracts/paging.js';
import type { RequirementImplementationStatus } from '../../../contracts/soa.js';
import { renderMarkdown } from '../../../formats/markdown.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { controlVisible, frameworkVisible } from '../../kernel/auth/framework-scope.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { asRequirementKind } from './frameworks.presenter.js';
import { getFramework } from './frameworks.service.js';
import { requirementWithStatusQuery } from './requirements.repository.js';

type ListQuery = z.output<typeof requirementListQuerySchema>;
type ApplicabilityInput = z.output<typeof applicabilityRequestSchema>;
type BulkApplicabilityInput = z.output<typeof bulkApplicabilityRequestSchema>;

interface StatusRow {
  id: string;
  parent_id: string | null;
  key: string;
  ref: string;
  kind: string;
  title: string;
  depth: number;
  applicable: boolean | null;
  justification: string | null;
  control_count: number;
  mapping_count: number;
  implementation_status: string;
}

export const presentRequirementSummary = (r: StatusRow): RequirementSummary => ({
  id: r.id,
  parentId: r.parent_id,
  key: r.key,
  ref: r.ref,
  kind: asRequirementKind(r.kind),
  title: r.title,
  depth: r.depth,
  applicable: r.applicable,
  justification: r.justification ?? '',
  implementationStatus: r.implementation_status as RequirementImplementationStatus,
  controlCount: Number(r.control_count),
  mappingCount: Number(r.mapping_count),
});

export async function listRequirements(
  ctx: ServiceContext,
  frameworkId: string,
  query: ListQuery,
): Promise<Page<RequirementSummary>> {
  await getFramework(ctx, frameworkId);
  let q = ctx.db.selectFrom(requirementWithStatusQuery(ctx, frameworkId).as('t')).selectAll('t');
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) => eb.or([eb('t.ref', 'ilike', pattern), eb('t.title', 'ilike', pattern)]));
  }
  if (query.status) q = q.where('t.implementation_status', '=', query.status);
  return paged(q, (x) => x.orderBy('t.position'), query, presentRequirementSummary);
}

async function findRequirement(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('requirements as r')
    .innerJoin('frameworks as f', 'f.id', 'r.framework_id')
    .leftJoin('applicability as a', 'a.requirement_id', 'r.id')
    .leftJoin('users as u', 'u.id', 'a.decided_by')
    .selectAll('r')
    .select([
      'f.key as framework_key',
      'f.name as framework_name',
      'a.decided_at',
      'u.name as decided_by_name',
    ])
    .where('r.organization_id', '=', ctx.organizationId)
    .where('r.id', '=', id)
    .where(frameworkVisible(ctx.actor, 'r.framework_id'))
    .executeTakeFirst();
  if (!row) throw notFound(`Requirement ${id}`);
  return row;
}

async function mappingsOf(
  ctx: ServiceContext,
  frameworkKey: string,
  ref: string,
): Promise<MappedRequirement[]> {
  const rows = await ctx.db
    .selectFrom('requirement_mappings as m')
    .select([
      'm.source_framework',
      'm.source_ref',
      'm.target_framework',
      'm.target_ref',
      'm.relationship',
      'm.note',
    ])
    .where('m.organization_id', '=', ctx.organizationId)
    .where((eb) =>
      eb.or([
        eb.and([eb('m.source_framework', '=', frameworkKey), eb('m.source_ref', '=', ref)]),
        eb.and([eb('m.target_framework', '=', frameworkKey), eb('m.target_ref', '=', ref)]),
      ]),
    )
    .execute();
  const others = rows.map((m) =>
    m.source_framework === frameworkKey && m.source_ref === ref
      ? { frameworkKey: m.target_framework, ref: m.target_ref, relationship: m.relationship, note: m.note }
      : {
          frameworkKey: m.source_framework,
          ref: m.source_ref,
          relationship: inverse(m.relationship),
          note: m.note,
        },
  );
  if (others.length === 0) return [];
  const installed = await ctx.db
    .selectFrom('requirements as r')
    .innerJoin('frameworks as f', 'f.id', 'r.framework_id')
    .select(['r.id', 'r.ref', 'r.title', 'f.key', 'f.name'])
    .where('r.organization_id', '=', ctx.organizationId)
    .where(frameworkVisible(ctx.actor, 'f.id'))
    .where('f.key', 'in', [...new Set(others.map((o) => o.frameworkKey))])
    .where('r.ref', 'in', [...new Set(others.map((o) => o.ref))])
    .execute();
  const byKey = new Map(installed.map((r) => [`${r.key}\u0000${r.ref}`, r]));
  return others
    .map((o) => {
      const hit = byKey.get(`${o.frameworkKey}\u0000${o.ref}`);
      return {
        ...o,
        relationship: o.relationship,
        requirementId: hit?.id ?? null,
        frameworkName: hit?.name ?? null,
        title: hit?.title ?? null,
      };
    })
    .sort(
      (a, b) =>
        a.frameworkKey.localeCompare(b.frameworkKey) || a.ref.localeCompare(b.ref, 'en', { numeric: true }),
    );
}

function inverse(relationship: MappingRelationship): MappingRelationship {
  if (relationship === 'subset-of') return 'superset-of';
  if (relationship === 'superset-of') return 'subset-of';
  return relationship;
}

export async function getRequirement(ctx: ServiceContext, id: string): Promise<RequirementDetail> {
  const r = await findRequirement(ctx, id);
  const [summaryRow, controls, mappings] = await Promise.all([
    ctx.db
      .selectFrom(requirementWithStatusQuery(ctx, r.framework_id).as('t'))
      .selectAll('t')
      .where('t.id', '=', id)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('control_requirements as cr')
      .innerJoin('controls as c', 'c.id', 'cr.control_id')
      .leftJoin('services as s', 's.id', 'c.service_id')
      .select(['c.id', 'c.ref', 'c.title', 'c.status', 's.name as service_name'])
      .where('cr.requirement_id', '=', id)
      .where(controlVisible(ctx.actor, 'c.id'))
      .orderBy('c.ref')
      .execute(),
    mappingsOf(ctx, r.framework_key, r.ref),
  ]);
  return {
    ...presentRequirementSummary(summaryRow),
    frameworkId: r.framework_id,
    frameworkKey: r.framework_key,
    frameworkName: r.framework_name,
    statement: r.statement,
    statementHtml: renderMarkdown(r.statement),
    guidance: r.guidance,
    guidanceHtml: renderMarkdown(r.guidance),
    params: catalogParameterSchema.array().parse(r.params),
    labels: r.labels,
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    decidedBy: r.decided_by_name,
    controls: controls.map((c) => ({
      id: c.id,
      ref: c.ref,
      title: c.title,
      status: c.status,
      serviceName: c.service_name,
    })),
    mappings,
  };
}

async function upsertApplicability(ctx: ServiceContext, requirementIds: string[], input: ApplicabilityInput) {
  await ctx.db
    .insertInto('applicability')
    .values(
      requirementIds.map((requirement_id) => ({
        requirement_id,
        organization_id: ctx.organizationId,
        applicable: input.applicable,
        justification: input.justification,
        decided_by: ctx.actor.userId,
      })),
    )
    .onConflict((oc) =>
      oc.column('requirement_id').doUpdateSet({
        applicable: input.applicable,
        justification: input.justification,
        decided_by: ctx.actor.userId,
        decided_at: new Date(),
      }),
    )
    .execute();
}

export async function setApplicability(
  ctx: ServiceContext,
  id: string,
  input: ApplicabilityInput,
): Promise<RequirementDetail> {
  return inTransaction(ctx, async (tx) => {
    const r = await findRequirement(tx, id);
    if (r.kind !== 'requirement') {
      throw new AppError(
        'VALIDATION_FAILED',
        `${r.ref} is a group heading; decide applicability on its requirements`,
      );
    }
    const previous = await tx.db
      .selectFrom('applicability')
      .select(['applicable', 'justification'])
      .where('requirement_id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    await upsertApplicability(tx, [id], input);
    await recordAuditEvent(
      tx,
      'applicability.set',
      { type: 'requirement', id },
      { framework: r.framework_key, ref: r.ref, ...input, previous: previous ?? null },
    );
    return getRequirement(tx, id);
  });
}

export async function setApplicabilityInBulk(
  ctx: ServiceContext,
  frameworkId: string,
  input: BulkApplicabilityInput,
): Promise<{ updated: number }> {
  return inTransaction(ctx, async (tx) => {
    const framework = await getFramework(tx, frameworkId);
    const ids = [...new Set(input.requirementIds)];
    const found = await tx.db
      .selectFrom('requirements')
      .select(['id', 'ref', 'kind'])
      .where('organization_id', '=', tx.organizationId)
      .where('framework_id', '=', frameworkId)
      .where('id', 'in', ids)
      .orderBy('position')
      .execute();
    const missing = ids.filter((id) => !found.some((r) => r.id === id));
    if (missing.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${missing.length} requirement(s) are not part of ${framework.name}`,
        [{ path: 'requirementIds', message: `Unknown: ${missing.slice(0, 5).join(', ')}` }],
      );
    }
    const groups = found.filter((r) => r.kind !== 'requirement').map((r) => r.ref);
    if (groups.length > 0) {
      throw new AppError('VALIDATION_FAILED', `Group headings have no applicability: ${groups.join(', ')}`);
    }
    await upsertApplicability(tx, ids, input);
    await recordAuditEvent(
      tx,
      'applicability.bulk-set',
      { type: 'framework', id: frameworkId },
      {
        framework: framework.key,
        refs: found.map((r) => r.ref),
        applicable: input.applicable,
        justification: input.justification,
      },
    );
    return { updated: ids.length };
  });
}
