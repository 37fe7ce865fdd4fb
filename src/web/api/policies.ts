import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../contracts/paging.js';
import type {
  Acknowledgement,
  Campaign,
  CampaignInput,
  CampaignPerson,
  PendingAcknowledgement,
  PolicyDetail,
  PolicyDiff,
  PolicyInput,
  PolicySummary,
  PolicyVersion,
  PolicyVersionSummary,
} from '../../contracts/policies.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Draft, type Params, query } from './client.js';

export type PolicyStep = 'submit' | 'approve' | 'publish';

export const policyKeys = {
  lists: ['policies'] as const,
  list: (params: Params) => ['policies', query(params)] as const,
  overdueCount: ['policies', 'overdue-count'] as const,
  details: ['policy'] as const,
  detail: (id: string) => ['policy', id] as const,
  versionLists: ['policy-versions'] as const,
  versions: (id: string, page: number) => ['policy-versions', id, page] as const,
  diffs: ['policy-diff'] as const,
  diff: (id: string, from: string | null, to: string | null) => ['policy-diff', id, from, to] as const,
  campaignLists: ['policy-campaigns'] as const,
  campaigns: (id: string) => ['policy-campaigns', id] as const,
  campaignPeopleLists: ['campaign-people'] as const,
  campaignPeople: (campaignId: string) => ['campaign-people', campaignId] as const,
  myAcknowledgementLists: ['my-acknowledgements'] as const,
  myAcknowledgements: (page: number) => ['my-acknowledgements', page] as const,
};

/** Every change to a document, its versions or its campaigns makes all policy views stale. */
const policyChangeKeys = [
  policyKeys.lists,
  policyKeys.details,
  policyKeys.versionLists,
  policyKeys.diffs,
  policyKeys.campaignLists,
  policyKeys.campaignPeopleLists,
  policyKeys.myAcknowledgementLists,
] as const;

export const policiesApi = {
  list: (params: Params) => api.get<Page<PolicySummary>>(`/api/policies${query(params)}`),
  get: (id: string) => api.get<PolicyDetail>(`/api/policies/${id}`),
  create: (body: Draft<PolicyInput>) => api.post<PolicyDetail>('/api/policies', body),
  update: (id: string, body: Draft<PolicyInput>) => api.patch<PolicyDetail>(`/api/policies/${id}`, body),
  versions: (id: string, params: Params) =>
    api.get<Page<PolicyVersionSummary>>(`/api/policies/${id}/versions${query(params)}`),
  diff: (id: string, from: string, to: string) =>
    api.get<PolicyDiff>(`/api/policies/${id}/diff${query({ from, to })}`),
  startDraft: (id: string, body: { body: string; changeSummary: string }) =>
    api.post<PolicyDetail>(`/api/policies/${id}/versions`, body),
  saveDraft: (id: string, n: number, body: { body: string; changeSummary: string }) =>
    api.patch<PolicyVersion>(`/api/policies/${id}/versions/${n}`, body),
  step: (id: string, n: number, step: PolicyStep) =>
    api.post<PolicyDetail>(`/api/policies/${id}/versions/${n}/${step}`),
  returnToDraft: (id: string, n: number, reason: string) =>
    api.post<PolicyDetail>(`/api/policies/${id}/versions/${n}/return`, { reason }),
  acknowledge: (id: string, n: number | null) =>
    api.post<Acknowledgement>(`/api/policies/${id}/versions/${n}/acknowledge`),
  campaigns: (id: string) => api.get<Page<Campaign>>(`/api/policies/${id}/campaigns?pageSize=10`),
  startCampaign: (id: string, body: CampaignInput) =>
    api.post<Campaign>(`/api/policies/${id}/campaigns`, body),
  campaignPeople: (campaignId: string) =>
    api.get<Page<CampaignPerson>>(`/api/policy-campaigns/${campaignId}/people?pageSize=200`),
  remind: (campaignId: string) =>
    api.post<{ reminded: number }>(`/api/policy-campaigns/${campaignId}/remind`),
  myAcknowledgements: (params: Params) =>
    api.get<Page<PendingAcknowledgement>>(`/api/me/acknowledgements${query(params)}`),
};

export function usePolicies(params: Params) {
  return useQuery({
    queryKey: policyKeys.list(params),
    queryFn: () => policiesApi.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useOverdueCount(): number {
  const overdue = useQuery({
    queryKey: policyKeys.overdueCount,
    queryFn: () => policiesApi.list({ overdue: 'true', pageSize: 1 }),
  });
  return overdue.data?.total ?? 0;
}

export function usePolicy(id: string) {
  return useQuery({ queryKey: policyKeys.detail(id), queryFn: () => policiesApi.get(id) });
}

export function usePolicyVersions(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: policyKeys.versions(id, page),
    queryFn: () => policiesApi.versions(id, { page, pageSize }),
  });
}

export function usePolicyDiff(id: string, from: string | null, to: string | null) {
  return useQuery({
    queryKey: policyKeys.diff(id, from, to),
    queryFn: () => policiesApi.diff(id, from ?? '', to ?? ''),
    enabled: from !== null && to !== null,
  });
}

export function useCampaigns(id: string) {
  return useQuery({ queryKey: policyKeys.campaigns(id), queryFn: () => policiesApi.campaigns(id) });
}

export function useCampaignPeople(campaignId: string) {
  return useQuery({
    queryKey: policyKeys.campaignPeople(campaignId),
    queryFn: () => policiesApi.campaignPeople(campaignId),
  });
}

export function useMyAcknowledgements(page: number, pageSize: number) {
  return useQuery({
    queryKey: policyKeys.myAcknowledgements(page),
    queryFn: () => policiesApi.myAcknowledgements({ page, pageSize }),
  });
}

/** Creates a document (no id) or changes its details. */
export function useSavePolicy(
  id: string | undefined,
  callbacks?: ChangeCallbacks<PolicyDetail, Draft<PolicyInput>>,
) {
  return useChange(
    (body: Draft<PolicyInput>) => (id ? policiesApi.update(id, body) : policiesApi.create(body)),
    () => policyChangeKeys,
    callbacks,
  );
}

/** A change to one document's versions or campaigns, e.g. `(api) => api.step(id, n, 'publish')`. */
export function usePolicyChange<TData, TVars = void>(
  change: (vars: TVars) => Promise<TData>,
  callbacks?: ChangeCallbacks<TData, TVars>,
) {
  return useChange(change, () => policyChangeKeys, callbacks);
}
