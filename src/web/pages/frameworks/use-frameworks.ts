import { useQuery } from '@tanstack/react-query';
import type { Framework } from '../../../contracts/frameworks.js';
import type { Page } from '../../../contracts/paging.js';
import { api } from '../../api/client.js';

export const FRAMEWORKS_KEY = ['frameworks'] as const;

/** Installed frameworks; an organisation has a handful, so the first 200 are all of them. */
export function useFrameworks() {
  return useQuery({
    queryKey: FRAMEWORKS_KEY,
    queryFn: () => api.get<Page<Framework>>('/api/frameworks?pageSize=200'),
  });
}

export function useFramework(id: string) {
  return useQuery({
    queryKey: ['framework', id],
    queryFn: () => api.get<Framework>(`/api/frameworks/${id}`),
  });
}
