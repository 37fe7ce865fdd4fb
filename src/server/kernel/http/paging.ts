import type { SelectQueryBuilder } from 'kysely';
import type { Page, PageQuery } from '../../../contracts/paging.js';

/** Runs a paged query and its total count; `query` must not be ordered yet when counted. */
export async function paged<DB, TB extends keyof DB, O, R>(
  query: SelectQueryBuilder<DB, TB, O>,
  order: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, O>,
  { page, pageSize }: PageQuery,
  present: (row: O) => R,
): Promise<Page<R>> {
  const [rows, count] = await Promise.all([
    order(query)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number((count as { total: number }).total), page, pageSize };
}
