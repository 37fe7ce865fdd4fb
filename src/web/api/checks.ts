import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Check, CheckKind, CheckPatch, CheckResult } from '../../contracts/checks.js';
import type { Page } from '../../contracts/paging.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Params, query } from './client.js';
import { controlKeys } from './controls.js';
import { evidenceKeys } from './evidence.js';
import { taskKeys } from './tasks.js';

/** A check as the form sends it: the server checks `config` against the kind and names what is wrong. */
export type CheckDraft = CheckPatch & { kind?: CheckKind };

export const checkKeys = {
  lists: ['checks'] as const,
  list: (params: Params) => ['checks', query(params)] as const,
  details: ['check'] as const,
  detail: (id: string) => ['check', id] as const,
  results: (id: string, params: Params) => ['check', id, 'results', query(params)] as const,
};

/** What running or deleting a check makes stale: its results become evidence, failures open tasks. */
const runKeys = [
  checkKeys.details,
  checkKeys.lists,
  taskKeys.all,
  evidenceKeys.all,
  controlKeys.details,
  controlKeys.lists,
] as const;

export const checksApi = {
  list: (params: Params) => api.get<Page<Check>>(`/api/checks${query(params)}`),
  get: (id: string) => api.get<Check>(`/api/checks/${id}`),
  results: (id: string, params: Params) =>
    api.get<Page<CheckResult>>(`/api/checks/${id}/results${query(params)}`),
  create: (body: CheckDraft) => api.post<Check>('/api/checks', body),
  update: (id: string, body: CheckPatch) => api.patch<Check>(`/api/checks/${id}`, body),
  run: (id: string) => api.post<CheckResult>(`/api/checks/${id}/run`, {}),
  remove: (id: string) => api.delete(`/api/checks/${id}`),
};

export function useChecks(params: Params) {
  return useQuery({
    queryKey: checkKeys.list(params),
    queryFn: () => checksApi.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useCheck(id: string) {
  return useQuery({ queryKey: checkKeys.detail(id), queryFn: () => checksApi.get(id) });
}

export function useCheckResults(id: string, params: Params) {
  return useQuery({
    queryKey: checkKeys.results(id, params),
    queryFn: () => checksApi.results(id, params),
    placeholderData: keepPreviousData,
  });
}

/** Creates a check (no id) or changes one. */
export function useSaveCheck(id: string | undefined, callbacks?: ChangeCallbacks<Check, CheckDraft>) {
  return useChange(
    (body: CheckDraft) => (id ? checksApi.update(id, body) : checksApi.create(body)),
    () => [checkKeys.lists, checkKeys.details, controlKeys.lists, controlKeys.details],
    callbacks,
  );
}

export function useRunCheck(id: string, callbacks?: ChangeCallbacks<CheckResult, void>) {
  return useChange(
    () => checksApi.run(id),
    () => runKeys,
    callbacks,
  );
}

export function useDeleteCheck(id: string, callbacks?: ChangeCallbacks<void, void>) {
  return useChange(
    () => checksApi.remove(id),
    () => runKeys,
    callbacks,
  );
}
