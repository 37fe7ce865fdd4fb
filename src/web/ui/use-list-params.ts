import { useSearchParams } from 'react-router';
import { z } from 'zod';

/** Field schemas for list parameters: a bad value in the address falls back to the default instead of failing. */
export const listParam = {
  text: (fallback = '') => z.string().catch(fallback),
  page: () => z.coerce.number().int().min(1).catch(1),
};

type Shape = Record<string, z.ZodType<string | number>>;
type Values<S extends Shape> = { [K in keyof S]: z.output<S[K]> };

/**
 * A paged list's filters and page, kept in the address (zod-parsed, defaults left out), so reload, back/forward and
 * a shared link show the same list. A filter change goes back to page 1 and replaces the history entry (typing does
 * not flood it); a page change adds one. The list writes only its own keys, so two lists on one page (give each its
 * own names, e.g. `pageKey: 'findingsPage'`) keep each other's place.
 */
export function useListParams<S extends Shape>(
  shape: S,
  { pageKey = 'page' }: { pageKey?: keyof S & string } = {},
) {
  const [search, setSearch] = useSearchParams();
  const schema = z.object(shape);
  const defaults = schema.parse({}) as Values<S>;
  const values = schema.parse(Object.fromEntries(search.entries())) as Values<S>;
  const write = (next: Values<S>, replace: boolean) => {
    const params = new URLSearchParams(search);
    for (const k of Object.keys(shape)) params.delete(k);
    for (const [k, v] of Object.entries(next)) if (v !== defaults[k]) params.set(k, String(v));
    setSearch(params, { replace });
  };
  const update = (patch: Partial<Values<S>>) =>
    write({ ...values, ...(pageKey in shape ? { [pageKey]: 1 } : {}), ...patch }, true);
  const setPage = (page: number) => write({ ...values, [pageKey]: page }, false);
  return { values, update, setPage };
}
