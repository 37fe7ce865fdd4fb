import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchResult } from '../../contracts/search.js';
import { api, query } from './client.js';

export const searchKeys = {
  results: (q: string) => ['search', q] as const,
};

export const searchApi = {
  search: (q: string) => api.get<SearchResult>(`/api/search${query({ q })}`),
};

/** Search results for two or more characters; the previous results stay while the next load. */
export function useSearch(q: string) {
  return useQuery({
    queryKey: searchKeys.results(q),
    queryFn: () => searchApi.search(q),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}
