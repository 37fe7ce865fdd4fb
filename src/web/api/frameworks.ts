import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Coverage,
  Framework,
  ImportFrameworkRequest,
  LibraryFramework,
  RequirementDetail,
  RequirementSummary,
} from '../../contracts/frameworks.js';
import type { Page } from '../../contracts/paging.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Params, query } from './client.js';

export interface MappingImportResult {
  imported: number;
  unchanged: number;
}

export const frameworkKeys = {
  all: ['frameworks'] as const,
  detail: (id: string) => ['framework', id] as const,
  library: ['framework-library'] as const,
};

export const requirementKeys = {
  lists: ['requirements'] as const,
  list: (frameworkId: string, params: Params) => ['requirements', frameworkId, query(params)] as const,
  details: ['requirement'] as const,
  detail: (id: string) => ['requirement', id] as const,
};

export const coverageKeys = {
  all: ['coverage'] as const,
  summary: (params: Params) => ['coverage', query(params)] as const,
  requirementLists: ['coverage-requirements'] as const,
  requirements: (frameworkId: string, params: Params) =>
    ['coverage-requirements', frameworkId, query(params)] as const,
};

/** What every applicability decision makes stale. */
const applicabilityKeys = [
  requirementKeys.lists,
  requirementKeys.details,
  coverageKeys.all,
  coverageKeys.requirementLists,
] as const;

export const frameworksApi = {
  list: () => api.get<Page<Framework>>('/api/frameworks?pageSize=200'),
  get: (id: string) => api.get<Framework>(`/api/frameworks/${id}`),
  library: () => api.get<LibraryFramework[]>('/api/framework-library'),
  install: (key: string) => api.post<Framework>('/api/frameworks/builtin', { key }),
  import: (body: ImportFrameworkRequest) => api.post<Framework>('/api/frameworks/import', body),
  remove: (id: string) => api.delete(`/api/frameworks/${id}`),
  requirements: (frameworkId: string, params: Params) =>
    api.get<Page<RequirementSummary>>(`/api/frameworks/${frameworkId}/requirements${query(params)}`),
  requirement: (id: string) => api.get<RequirementDetail>(`/api/requirements/${id}`),
  setApplicability: (id: string, body: { applicable: boolean; justification: string }) =>
    api.put<RequirementDetail>(`/api/requirements/${id}/applicability`, body),
  bulkApplicability: (
    frameworkId: string,
    body: { requirementIds: string[]; applicable: boolean; justification: string },
  ) => api.post<{ updated: number }>(`/api/frameworks/${frameworkId}/applicability`, body),
  coverage: (params: Params) => api.get<Coverage[]>(`/api/coverage${query(params)}`),
  coverageRequirements: (frameworkId: string, params: Params) =>
    api.get<Page<RequirementSummary>>(`/api/frameworks/${frameworkId}/coverage/requirements${query(params)}`),
  importMappings: (csv: string) => api.post<MappingImportResult>('/api/mappings/import', { csv }),
  mappingsCsvUrl: '/api/mappings.csv',
  soaUrl: (frameworkId: string, ext: string, params: Params) =>
    `/api/frameworks/${frameworkId}/soa.${ext}${query(params)}`,
  oscalSspUrl: (frameworkId: string) => `/api/frameworks/${frameworkId}/oscal-ssp.json`,
};

/** Installed frameworks; an organisation has a handful, so the first 200 are all of them. */
export function useFrameworks() {
  return useQuery({ queryKey: frameworkKeys.all, queryFn: frameworksApi.list });
}

export function useFramework(id: string) {
  return useQuery({ queryKey: frameworkKeys.detail(id), queryFn: () => frameworksApi.get(id) });
}

export function useFrameworkLibrary() {
  return useQuery({ queryKey: frameworkKeys.library, queryFn: frameworksApi.library });
}

export function useInstallFramework(callbacks?: ChangeCallbacks<Framework, string>) {
  return useChange(
    frameworksApi.install,
    () => [frameworkKeys.library, frameworkKeys.all, coverageKeys.all],
    callbacks,
  );
}

export function useImportFramework(callbacks?: ChangeCallbacks<Framework, ImportFrameworkRequest>) {
  return useChange(frameworksApi.import, () => [frameworkKeys.all, coverageKeys.all], callbacks);
}

export function useDeleteFramework(id: string, callbacks?: ChangeCallbacks<void, void>) {
  return useChange(
    () => frameworksApi.remove(id),
    () => [frameworkKeys.all, frameworkKeys.library, coverageKeys.all],
    callbacks,
  );
}

export function useRequirements(frameworkId: string, params: Params) {
  return useQuery({
    queryKey: requirementKeys.list(frameworkId, params),
    queryFn: () => frameworksApi.requirements(frameworkId, params),
    placeholderData: keepPreviousData,
  });
}

export function useRequirement(id: string) {
  return useQuery({ queryKey: requirementKeys.detail(id), queryFn: () => frameworksApi.requirement(id) });
}

export function useSetApplicability(
  id: string,
  callbacks?: ChangeCallbacks<RequirementDetail, { applicable: boolean; justification: string }>,
) {
  const client = useQueryClient();
  return useChange(
    async (body: { applicable: boolean; justification: string }) => {
      const r = await frameworksApi.setApplicability(id, body);
      client.setQueryData(requirementKeys.detail(r.id), r);
      return r;
    },
    () => applicabilityKeys,
    callbacks,
  );
}

export function useBulkApplicability(
  frameworkId: string,
  callbacks?: ChangeCallbacks<
    { updated: number },
    { requirementIds: string[]; applicable: boolean; justification: string }
  >,
) {
  return useChange(
    (body: { requirementIds: string[]; applicable: boolean; justification: string }) =>
      frameworksApi.bulkApplicability(frameworkId, body),
    () => applicabilityKeys,
    callbacks,
  );
}

export function useCoverage(params: Params) {
  return useQuery({
    queryKey: coverageKeys.summary(params),
    queryFn: () => frameworksApi.coverage(params),
    placeholderData: keepPreviousData,
  });
}

export function useCoverageRequirements(frameworkId: string, params: Params) {
  return useQuery({
    queryKey: coverageKeys.requirements(frameworkId, params),
    queryFn: () => frameworksApi.coverageRequirements(frameworkId, params),
    placeholderData: keepPreviousData,
  });
}

/** Imports mappings from CSV; requirement views reload. */
export function useImportMappings() {
  return useChange(frameworksApi.importMappings, () => [requirementKeys.details, requirementKeys.lists]);
}
