import type { CatalogMapping } from '../../../contracts/catalog.js';
import type { ServiceContext } from '../../kernel/context.js';

const BATCH = 500;

/** Inserts new mappings (and for imports updates changed ones); returns how many rows were written. */
export async function insertMappings(
  ctx: ServiceContext,
  mappings: readonly CatalogMapping[],
  origin: 'builtin' | 'import' | 'manual',
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < mappings.length; i += BATCH) {
    const rows = mappings.slice(i, i + BATCH).map((m) => ({
      organization_id: ctx.organizationId,
      source_framework: m.sourceFramework,
      source_ref: m.sourceRef,
      target_framework: m.targetFramework,
      target_ref: m.targetRef,
      relationship: m.relationship,
      note: m.note,
      origin,
    }));
    const result = await ctx.db
      .insertInto('requirement_mappings')
      .values(rows)
      .onConflict((oc) => {
        const target = oc.columns([
          'organization_id',
          'source_framework',
          'source_ref',
          'target_framework',
          'target_ref',
        ]);
        // Built-in mappings never overwrite what people imported or changed; imports update what differs.
        if (origin === 'builtin') return target.doNothing();
        return target
          .doUpdateSet((eb) => ({
            relationship: eb.ref('excluded.relationship'),
            note: eb.ref('excluded.note'),
            origin: eb.ref('excluded.origin'),
          }))
          .where((eb) =>
            eb.or([
              eb('requirement_mappings.relationship', '!=', eb.ref('excluded.relationship')),
              eb('requirement_mappings.note', '!=', eb.ref('excluded.note')),
            ]),
          );
      })
      .returning('id')
      .execute();
    inserted += result.length;
  }
  return inserted;
}

export function listAllMappings(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('requirement_mappings')
    .select(['source_framework', 'source_ref', 'target_framework', 'target_ref', 'relationship', 'note'])
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('source_framework')
    .orderBy('source_ref')
    .orderBy('target_framework')
    .orderBy('target_ref')
    .execute();
}
