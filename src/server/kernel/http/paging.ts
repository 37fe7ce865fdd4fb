import {
  AliasNode,
  IdentifierNode,
  type KyselyPlugin,
  type RawBuilder,
  RawNode,
  SelectionNode,
  type SelectQueryBuilder,
  SelectQueryNode,
  type SqlBool,
  sql,
} from 'kysely';
import { type Page, type PageQuery, TOTAL_CAP } from '../../../contracts/paging.js';
import { AppError } from '../errors/app-error.js';

/** One column of a list's sort order, as a qualified column name (e.g. `e.valid_from`). */
export interface SortKey {
  column: string;
  direction: 'asc' | 'desc';
}

export interface PagingOptions {
  /**
   * The list's complete sort order (ending in a unique column). Enables `after=` keyset paging: the page
   * after a cursor is found by position in an index instead of by skipping `offset` rows.
   */
  keyset?: readonly SortKey[];
  /**
   * Selects the page's ids first (cheap columns only) and computes the full rows for those ids alone, so
   * per-row work in the select list is done for the page, not for every row up to the offset.
   */
  idColumn?: string;
}

const CURSOR = '__cursor';

/** Wraps the query it is given as `SELECT count(*) FROM (query) AS capped` (the builder has no database handle). */
const countingPlugin: KyselyPlugin = {
  transformQuery: ({ node }) =>
    SelectQueryNode.cloneWithSelections(
      SelectQueryNode.createFrom([AliasNode.create(node, IdentifierNode.create('capped'))]),
      [
        SelectionNode.create(
          AliasNode.create(RawNode.createWithSql('count(*)'), IdentifierNode.create('total')),
        ),
      ],
    ),
  transformResult: async ({ result }) => result,
};

const encodeCursor = (values: unknown[]): string => Buffer.from(JSON.stringify(values)).toString('base64url');

function decodeCursor(after: string, keys: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === keys) return values;
  } catch {
    // reported below
  }
  throw new AppError('VALIDATION_FAILED', 'after is not a cursor of this list: pass nextCursor from a page', [
    { path: 'after', message: 'Not a cursor of this list' },
  ]);
}

/** Rows strictly after the cursor in the sort order (an OR chain, plus a row-value bound an index can use). */
function afterCursor(keys: readonly SortKey[], values: unknown[]): RawBuilder<SqlBool> {
  const col = (k: SortKey) => sql.ref(k.column);
  const beyond = (i: number): RawBuilder<SqlBool> => {
    const k = keys[i] as SortKey;
    const strict = k.direction === 'desc' ? sql`${col(k)} < ${values[i]}` : sql`${col(k)} > ${values[i]}`;
    if (i === keys.length - 1) return sql<SqlBool>`${strict}`;
    return sql<SqlBool>`(${strict} OR (${col(k)} = ${values[i]} AND ${beyond(i + 1)}))`;
  };
  let prefix = 1;
  while (prefix < keys.length && keys[prefix]?.direction === keys[0]?.direction) prefix++;
  const lead = keys.slice(0, prefix);
  const op = sql.raw(keys[0]?.direction === 'desc' ? '<=' : '>=');
  const bound = sql`(${sql.join(lead.map(col))}) ${op} (${sql.join(values.slice(0, prefix).map((v) => sql`${v}`))})`;
  return sql<SqlBool>`(${bound} AND ${beyond(0)})`;
}

/**
 * Runs a paged query and its total, counted up to TOTAL_CAP + 1 rows (a LIMITed subquery) so a deep list
 * never counts every row; `query` must not be ordered yet. With `after` (lists that declare a keyset) the
 * page follows the cursor instead of an offset.
 */
export async function paged<DB, TB extends keyof DB, O, R>(
  query: SelectQueryBuilder<DB, TB, O>,
  order: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, O>,
  { page, pageSize, after }: PageQuery,
  present: (row: O) => R,
  options: PagingOptions = {},
): Promise<Page<R>> {
  const { keyset, idColumn } = options;
  let window = query;
  if (after !== undefined) {
    if (!keyset) throw new AppError('VALIDATION_FAILED', 'This list does not page by cursor');
    window = window.where(afterCursor(keyset, decodeCursor(after, keyset.length)));
  }
  const offset = after === undefined ? (page - 1) * pageSize : 0;
  const withCursor = (q: SelectQueryBuilder<DB, TB, O>) =>
    keyset
      ? q.select(
          sql<string>`json_build_array(${sql.join(keyset.map((k) => sql.ref(k.column)))})::text`.as(CURSOR),
        )
      : q;
  const rowsOfPage = async (): Promise<O[]> => {
    if (!idColumn) return withCursor(order(window)).limit(pageSize).offset(offset).execute() as Promise<O[]>;
    // The order applies to the builder's row type; only the id is selected, so the rows are read as such.
    const idsOnly = window.clearSelect().select(sql.ref(idColumn).as('id')) as unknown as typeof window;
    const ids = (await order(idsOnly).limit(pageSize).offset(offset).execute()) as unknown as {
      id: string;
    }[];
    const list = ids.map((r) => r.id);
    if (list.length === 0) return [];
    const rows = (await withCursor(
      query.where(sql<SqlBool>`${sql.ref(idColumn)} = ANY(${list})`),
    ).execute()) as unknown as Record<string, unknown>[];
    const key = idColumn.split('.').pop() as string;
    const byId = new Map(rows.map((r) => [r[key], r]));
    return list.flatMap((id) => {
      const row = byId.get(id);
      return row ? [row as O] : [];
    });
  };
  const [rows, counted] = await Promise.all([
    rowsOfPage(),
    // Counting the rows of a LIMITed subquery stops at the cap instead of visiting every matching row.
    query
      .clearSelect()
      .select(sql<number>`1`.as('one'))
      .limit(TOTAL_CAP + 1)
      .withPlugin(countingPlugin)
      .execute()
      .then((r) => Number((r[0] as unknown as { total: number } | undefined)?.total ?? 0)),
  ]);
  const last = rows.at(-1) as Record<string, unknown> | undefined;
  const nextCursor =
    keyset && rows.length === pageSize && last
      ? encodeCursor(JSON.parse(String(last[CURSOR])) as unknown[])
      : keyset
        ? null
        : undefined;
  return {
    items: rows.map(present),
    total: Math.min(counted, TOTAL_CAP),
    ...(counted > TOTAL_CAP ? { totalIsCapped: true } : {}),
    page,
    pageSize,
    ...(nextCursor !== undefined ? { nextCursor } : {}),
  };
}
