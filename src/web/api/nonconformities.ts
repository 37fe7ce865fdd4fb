import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionInput,
  ActionPatch,
  NcCounts,
  NcDetail,
  NcInput,
  NcPatch,
  NcStatus,
  NcSummary,
  VerificationInput,
} from '../../contracts/nonconformities.js';
import type { Page } from '../../contracts/paging.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Draft, type Params, query } from './client.js';

export const nonconformityKeys = {
  lists: ['ncs'] as const,
  list: (params: Params) => ['ncs', query(params)] as const,
  details: ['nc'] as const,
  detail: (id: string) => ['nc', id] as const,
  counts: ['nc-counts'] as const,
};

export const nonconformitiesApi = {
  list: (params: Params) => api.get<Page<NcSummary>>(`/api/nonconformities${query(params)}`),
  counts: () => api.get<NcCounts>('/api/nonconformities/counts'),
  get: (id: string) => api.get<NcDetail>(`/api/nonconformities/${id}`),
  create: (body: Draft<NcInput>) => api.post<NcDetail>('/api/nonconformities', body),
  update: (id: string, body: Draft<NcPatch>) => api.patch<NcDetail>(`/api/nonconformities/${id}`, body),
  move: (id: string, status: NcStatus) => api.post<NcDetail>(`/api/nonconformities/${id}/status`, { status }),
  addAction: (id: string, body: Draft<ActionInput>) =>
    api.post<NcDetail>(`/api/nonconformities/${id}/actions`, body),
  updateAction: (actionId: string, body: ActionPatch) =>
    api.patch<NcDetail>(`/api/corrective-actions/${actionId}`, body),
  verify: (id: string, body: VerificationInput) =>
    api.post<NcDetail>(`/api/nonconformities/${id}/verifications`, body),
};

export function useNonconformities(params: Params) {
  return useQuery({
    queryKey: nonconformityKeys.list(params),
    queryFn: () => nonconformitiesApi.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useNcCounts() {
  return useQuery({ queryKey: nonconformityKeys.counts, queryFn: nonconformitiesApi.counts });
}

export function useNonconformity(id: string) {
  return useQuery({ queryKey: nonconformityKeys.detail(id), queryFn: () => nonconformitiesApi.get(id) });
}

export function useCreateNonconformity(callbacks?: ChangeCallbacks<NcDetail, Draft<NcInput>>) {
  return useChange(
    nonconformitiesApi.create,
    () => [nonconformityKeys.lists, nonconformityKeys.counts],
    callbacks,
  );
}

/** A change to one nonconformity: shows the answer at once, then the register, counts and audit findings reload. */
export function useNcChange<V>(
  change: (v: V) => Promise<NcDetail>,
  callbacks?: ChangeCallbacks<NcDetail, V>,
) {
  const client = useQueryClient();
  return useChange(
    async (v: V) => {
      const nc = await change(v);
      client.setQueryData(nonconformityKeys.detail(nc.id), nc);
      return nc;
    },
    () => [nonconformityKeys.lists, nonconformityKeys.counts, ['findings']],
    callbacks,
  );
}
