import { controlVisible, frameworkVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';

export const documentColumns = [
  'id',
  'organization_id',
  'title',
  'description',
  'kind',
  'access_level',
  'version_label',
  'published',
  'source',
  'file_sha256',
  'file_size',
  'file_name',
  'created_at',
  'updated_at',
] as const;

export async function findDocument(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('trust_documents')
    .select(documentColumns)
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Document ${id}`);
  return row;
}

/** The published documents the public page lists, in a stable order (at most 200). */
export function publishedDocuments(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('trust_documents')
    .select(documentColumns)
    .where('organization_id', '=', ctx.organizationId)
    .where('published', '=', true)
    .orderBy('title')
    .limit(200)
    .execute();
}

/** The organisation's controls with scope and mapped framework references, for the generated list (as the actor may see them). */
export async function controlsForList(ctx: ServiceContext) {
  const [controls, mappings] = await Promise.all([
    ctx.db
      .selectFrom('controls as c')
      .leftJoin('services as s', 's.id', 'c.service_id')
      .select(['c.id', 'c.ref', 'c.title', 'c.status', 's.name as service'])
      .where('c.organization_id', '=', ctx.organizationId)
      .where(controlVisible(ctx.actor, 'c.id'))
      .orderBy('c.ref')
      .execute(),
    ctx.db
      .selectFrom('control_requirements as cr')
      .innerJoin('requirements as r', 'r.id', 'cr.requirement_id')
      .innerJoin('frameworks as f', 'f.id', 'r.framework_id')
      .select(['cr.control_id', 'f.name as framework', 'r.ref'])
      .where('cr.organization_id', '=', ctx.organizationId)
      .where(frameworkVisible(ctx.actor, 'f.id'))
      .orderBy('f.name')
      .orderBy('r.ref')
      .execute(),
  ]);
  const byControl = new Map<string, string[]>();
  for (const m of mappings) {
    const list = byControl.get(m.control_id) ?? [];
    list.push(`${m.framework} ${m.ref}`);
    byControl.set(m.control_id, list);
  }
  return controls.map((c) => ({
    ref: c.ref,
    title: c.title,
    status: c.status,
    scope: c.service ?? 'Baseline',
    mappings: byControl.get(c.id) ?? [],
  }));
}
