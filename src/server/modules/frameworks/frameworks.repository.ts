import { type Catalog, catalogParameterSchema, type frameworkSources } from '../../../contracts/catalog.js';
import { frameworkVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { asRequirementKind } from './frameworks.presenter.js';

/** Frameworks of the organisation with their number of assessable requirements. */
export function frameworkQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('frameworks as f')
    .selectAll('f')
    .select((eb) =>
      eb
        .selectFrom('requirements as r')
        .whereRef('r.framework_id', '=', 'f.id')
        .where('r.kind', '=', 'requirement')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('requirement_count'),
    )
    .where('f.organization_id', '=', ctx.organizationId)
    .where(frameworkVisible(ctx.actor, 'f.id'))
    .$narrowType<{ requirement_count: number }>();
}

export async function findFrameworkByKeyOrUndefined(ctx: ServiceContext, key: string) {
  return ctx.db
    .selectFrom('frameworks')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('key', '=', key)
    .executeTakeFirst();
}

const paramsSchema = catalogParameterSchema.array();

/** Rebuilds an installed framework as a catalogue, e.g. as the source an OSCAL profile selects from. */
export async function loadCatalog(ctx: ServiceContext, key: string): Promise<Catalog | undefined> {
  const framework = await findFrameworkByKeyOrUndefined(ctx, key);
  if (!framework) return undefined;
  const rows = await ctx.db
    .selectFrom('requirements as r')
    .leftJoin('requirements as p', 'p.id', 'r.parent_id')
    .select(['r.key', 'r.ref', 'r.kind', 'r.title', 'r.statement', 'r.guidance', 'r.params', 'r.labels'])
    .select('p.key as parent_key')
    .where('r.framework_id', '=', framework.id)
    .orderBy('r.position')
    .execute();
  return {
    key: framework.key,
    name: framework.name,
    version: framework.version,
    publisher: framework.publisher,
    description: framework.description,
    attribution: framework.attribution,
    source: framework.source as (typeof frameworkSources)[number],
    requirements: rows.map((r) => ({
      key: r.key,
      ref: r.ref,
      parentKey: r.parent_key,
      kind: asRequirementKind(r.kind),
      title: r.title,
      statement: r.statement,
      guidance: r.guidance,
      params: paramsSchema.parse(r.params),
      labels: r.labels,
    })),
  };
}
