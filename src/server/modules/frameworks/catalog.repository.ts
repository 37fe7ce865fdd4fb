import { randomUUID } from 'node:crypto';
import type { Catalog } from '../../../contracts/catalog.js';
import type { ServiceContext } from '../../kernel/context.js';
import type { FrameworkRow } from '../../kernel/db/schema.js';

const BATCH = 500;

/** Inserts a framework and all its requirements; ids are made here so parents are known to their children. */
export async function insertCatalog(ctx: ServiceContext, catalog: Catalog): Promise<FrameworkRow> {
  const framework = await ctx.db
    .insertInto('frameworks')
    .values({
      organization_id: ctx.organizationId,
      key: catalog.key,
      name: catalog.name,
      version: catalog.version,
      publisher: catalog.publisher,
      description: catalog.description,
      attribution: catalog.attribution,
      source: catalog.source,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const ids = new Map<string, { id: string; depth: number }>();
  const rows = catalog.requirements.map((r, position) => {
    const parent = r.parentKey === null ? undefined : ids.get(r.parentKey);
    const node = { id: randomUUID(), depth: parent ? parent.depth + 1 : 0 };
    ids.set(r.key, node);
    return {
      id: node.id,
      organization_id: ctx.organizationId,
      framework_id: framework.id,
      parent_id: parent?.id ?? null,
      key: r.key,
      ref: r.ref,
      kind: r.kind,
      title: r.title,
      statement: r.statement,
      guidance: r.guidance,
      params: JSON.stringify(r.params),
      labels: JSON.stringify(r.labels),
      position,
      depth: node.depth,
    };
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    await ctx.db
      .insertInto('requirements')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
  return framework;
}
