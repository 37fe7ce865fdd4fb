import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ControlDetail, ControlInput, ControlSummary } from '../../contracts/controls.js';
import type { Page } from '../../contracts/paging.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Draft, type Params, query } from './client.js';
import { coverageKeys, requirementKeys } from './frameworks.js';

export const controlKeys = {
  lists: ['controls'] as const,
  list: (params: Params) => ['controls', query(params)] as const,
  search: (q: string) => ['controls', 'pick', q] as const,
  picker: (params: Params) => ['controls', 'picker', query(params)] as const,
  details: ['control'] as const,
  detail: (id: string) => ['control', id] as const,
};

/** What a change to controls makes stale: the controls, the requirements they map and coverage. */
export const controlChangeKeys = [
  controlKeys.lists,
  controlKeys.details,
  requirementKeys.lists,
  requirementKeys.details,
  coverageKeys.all,
  coverageKeys.requirementLists,
] as const;

export const controlsApi = {
  list: (params: Params) => api.get<Page<ControlSummary>>(`/api/controls${query(params)}`),
  get: (id: string) => api.get<ControlDetail>(`/api/controls/${id}`),
  create: (body: Draft<ControlInput>) => api.post<ControlDetail>('/api/controls', body),
  update: (id: string, body: Partial<ControlInput>) => api.patch<ControlDetail>(`/api/controls/${id}`, body),
  remove: (id: string) => api.delete(`/api/controls/${id}`),
  mapRequirements: (id: string, requirementIds: string[]) =>
    api.post<ControlDetail>(`/api/controls/${id}/requirements`, { requirementIds }),
  unmapRequirement: (id: string, requirementId: string) =>
    api.delete(`/api/controls/${id}/requirements/${requirementId}`),
};

export function useControls(params: Params) {
  return useQuery({
    queryKey: controlKeys.list(params),
    queryFn: () => controlsApi.list(params),
    placeholderData: keepPreviousData,
  });
}

/** Up to `pageSize` controls matching `q`, for pickers. */
export function useControlSearch(q: string, pageSize = 20) {
  return useQuery({ queryKey: controlKeys.search(q), queryFn: () => controlsApi.list({ q, pageSize }) });
}

/** Controls for a picker list (first `params.pageSize`), kept while the next load. */
export function useControlPicker(params: Params) {
  return useQuery({
    queryKey: controlKeys.picker(params),
    queryFn: () => controlsApi.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useControl(id: string) {
  return useQuery({ queryKey: controlKeys.detail(id), queryFn: () => controlsApi.get(id) });
}

export function useCreateControl(callbacks?: ChangeCallbacks<ControlDetail, Draft<ControlInput>>) {
  return useChange(controlsApi.create, () => controlChangeKeys, callbacks);
}

/** Changes a control; the page shows the answer at once, then everything it affects reloads. */
export function useUpdateControl(
  id: string,
  callbacks?: ChangeCallbacks<ControlDetail, Partial<ControlInput>>,
) {
  const client = useQueryClient();
  return useChange(
    async (patch: Partial<ControlInput>) => {
      const c = await controlsApi.update(id, patch);
      client.setQueryData(controlKeys.detail(c.id), c);
      return c;
    },
    () => controlChangeKeys,
    callbacks,
  );
}

export function useDeleteControl(id: string, callbacks?: ChangeCallbacks<void, void>) {
  const client = useQueryClient();
  return useChange(
    async () => {
      await controlsApi.remove(id);
      client.removeQueries({ queryKey: controlKeys.detail(id) });
    },
    () => controlChangeKeys,
    callbacks,
  );
}

export function useMapRequirements(id: string, callbacks?: ChangeCallbacks<ControlDetail, string[]>) {
  const client = useQueryClient();
  return useChange(
    async (requirementIds: string[]) => {
      const c = await controlsApi.mapRequirements(id, requirementIds);
      client.setQueryData(controlKeys.detail(c.id), c);
      return c;
    },
    () => controlChangeKeys,
    callbacks,
  );
}

export function useUnmapRequirement(id: string, callbacks?: ChangeCallbacks<void, string>) {
  return useChange(
    (requirementId: string) => controlsApi.unmapRequirement(id, requirementId),
    () => controlChangeKeys,
    callbacks,
  );
}

/** Maps one requirement to each of several controls, one after the other. */
export function useMapControlsToRequirement(
  requirementId: string,
  callbacks?: ChangeCallbacks<void, string[]>,
) {
  return useChange(
    async (controlIds: string[]) => {
      for (const id of controlIds) await controlsApi.mapRequirements(id, [requirementId]);
    },
    () => controlChangeKeys,
    callbacks,
  );
}
