import { z } from 'zod';

export const searchKinds = [
  'control',
  'requirement',
  'risk',
  'policy',
  'evidence',
  'faq',
  'audit',
  'person',
] as const;
export const searchKindSchema = z.enum(searchKinds);
export type SearchKind = z.infer<typeof searchKindSchema>;

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(2, 'Type at least 2 characters').max(200),
  /** Hits per kind; `total` says how many there are in all. */
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  id: z.string(),
  /** Reference (CTL-001, A.8.8, RSK-003…) where the thing has one. */
  ref: z.string().nullable(),
  title: z.string(),
  /** Where it is shown in the web app. */
  path: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchGroupSchema = z.object({
  kind: searchKindSchema,
  total: z.number().int(),
  hits: z.array(searchHitSchema),
});
export type SearchGroup = z.infer<typeof searchGroupSchema>;

/** Only kinds the reader may read and that have hits, in the order of `searchKinds`. */
export const searchResultSchema = z.object({ q: z.string(), groups: z.array(searchGroupSchema) });
export type SearchResult = z.infer<typeof searchResultSchema>;
