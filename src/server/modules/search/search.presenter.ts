import type { SearchHit } from '../../../contracts/search.js';

export const hit = (id: string, ref: string | null, title: string, path: string): SearchHit => ({
  id,
  ref,
  title,
  path,
});
