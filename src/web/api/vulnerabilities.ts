import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../contracts/paging.js';
import type {
  FindingDetail,
  FindingStateChange,
  FindingSummary,
  ScanImport,
  VulnerabilityOverview,
} from '../../contracts/vulnerabilities.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Params, query } from './client.js';
import { postForm } from './post-form.js';

export const vulnerabilityKeys = {
  lists: ['vulnerabilities'] as const,
  list: (params: Params) => ['vulnerabilities', query(params)] as const,
  details: ['vulnerability'] as const,
  detail: (id: string) => ['vulnerability', id] as const,
  overview: ['vulnerability-overview'] as const,
};

/** What an import or a triage makes stale. */
const vulnerabilityChangeKeys = [
  vulnerabilityKeys.lists,
  vulnerabilityKeys.details,
  vulnerabilityKeys.overview,
] as const;

export const vulnerabilitiesApi = {
  list: (params: Params) => api.get<Page<FindingSummary>>(`/api/vulnerabilities${query(params)}`),
  get: (id: string) => api.get<FindingDetail>(`/api/vulnerabilities/${id}`),
  overview: () => api.get<VulnerabilityOverview>('/api/vulnerabilities/overview'),
  changeState: (id: string, body: FindingStateChange) =>
    api.put<FindingDetail>(`/api/vulnerabilities/${id}/state`, body),
  importScan: (form: FormData, csrfToken: string) =>
    postForm<ScanImport>('/api/vulnerability-scans', form, csrfToken),
  /** The filtered list as a download; `params` are the list's filters (no paging). */
  exportUrl: (format: 'csv' | 'xlsx', params: Params) => `/api/vulnerabilities.${format}${query(params)}`,
};

export function useVulnerabilities(params: Params) {
  return useQuery({
    queryKey: vulnerabilityKeys.list(params),
    queryFn: () => vulnerabilitiesApi.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useVulnerability(id: string) {
  return useQuery({ queryKey: vulnerabilityKeys.detail(id), queryFn: () => vulnerabilitiesApi.get(id) });
}

export function useVulnerabilityOverview() {
  return useQuery({ queryKey: vulnerabilityKeys.overview, queryFn: vulnerabilitiesApi.overview });
}

export function useChangeFindingState(
  id: string,
  callbacks?: ChangeCallbacks<FindingDetail, FindingStateChange>,
) {
  return useChange(
    (body: FindingStateChange) => vulnerabilitiesApi.changeState(id, body),
    () => vulnerabilityChangeKeys,
    callbacks,
  );
}

export function useImportScan(
  callbacks?: ChangeCallbacks<ScanImport, { form: FormData; csrfToken: string }>,
) {
  return useChange(
    ({ form, csrfToken }: { form: FormData; csrfToken: string }) =>
      vulnerabilitiesApi.importScan(form, csrfToken),
    () => vulnerabilityChangeKeys,
    callbacks,
  );
}
