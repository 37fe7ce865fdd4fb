import { z } from 'zod';

export const pageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof pageQuerySchema> & { after?: string };

/** Totals are counted up to this many rows; beyond it a list reports `totalIsCapped`. */
export const TOTAL_CAP = 10_000;

/** `after`: the `nextCursor` of the previous page; pages by position in the sort order instead of `page`. */
export const afterCursorSchema = z
  .string()
  .max(1000)
  .regex(/^[A-Za-z0-9_-]+$/, 'after must be a nextCursor from a previous page')
  .optional()
  .describe('Opaque cursor (nextCursor of the previous page): keyset paging that stays fast deep in a list');

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe(`Matching rows, counted up to ${TOTAL_CAP}; see totalIsCapped`),
    totalIsCapped: z
      .boolean()
      .optional()
      .describe(`true when more than ${TOTAL_CAP} rows match: total is then ${TOTAL_CAP} ("${TOTAL_CAP}+")`),
    page: z.number().int(),
    pageSize: z.number().int(),
    nextCursor: z
      .string()
      .nullable()
      .optional()
      .describe('Pass as after= for the next page (lists with keyset paging); null on the last page'),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  totalIsCapped?: boolean;
  page: number;
  pageSize: number;
  nextCursor?: string | null;
}
