import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AuditDetail,
  AuditInput,
  AuditPatch,
  AuditProgramme,
  AuditProgrammeInput,
  AuditStatusRequest,
  AuditSummary,
  ChecklistItem,
  ChecklistResultRequest,
  Finding,
  FindingInput,
} from '../../contracts/audits.js';
import type { Page } from '../../contracts/paging.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Draft, type Params, query } from './client.js';
import { nonconformityKeys } from './nonconformities.js';

export const auditKeys = {
  lists: ['audits'] as const,
  list: (params: Params) => ['audits', query(params)] as const,
  details: ['audit'] as const,
  detail: (id: string) => ['audit', id] as const,
  programmes: ['audit-programmes'] as const,
  programmeList: ['audit-programmes', 'list'] as const,
  programmeAll: ['audit-programmes', 'all'] as const,
  checklists: ['checklist'] as const,
  checklist: (id: string, params: Params) => ['checklist', id, query(params)] as const,
  findingLists: ['findings'] as const,
  findings: (id: string, params: Params) => ['findings', id, query(params)] as const,
};

/** What a change to an audit makes stale: audits, their checklists and findings, and the nonconformities they open. */
const auditChangeKeys = [
  auditKeys.lists,
  auditKeys.details,
  auditKeys.programmes,
  auditKeys.checklists,
  auditKeys.findingLists,
  nonconformityKeys.lists,
  nonconformityKeys.details,
  nonconformityKeys.counts,
] as const;

export const auditsApi = {
  list: (params: Params) => api.get<Page<AuditSummary>>(`/api/audits${query(params)}`),
  get: (id: string) => api.get<AuditDetail>(`/api/audits/${id}`),
  create: (body: Draft<AuditInput>) => api.post<AuditDetail>('/api/audits', body),
  update: (id: string, body: Draft<AuditPatch>) => api.patch<AuditDetail>(`/api/audits/${id}`, body),
  setStatus: (id: string, body: AuditStatusRequest) =>
    api.post<AuditDetail>(`/api/audits/${id}/status`, body),
  programmes: (pageSize: number) =>
    api.get<Page<AuditProgramme>>(`/api/audit-programmes${query({ pageSize })}`),
  createProgramme: (body: AuditProgrammeInput) => api.post<AuditProgramme>('/api/audit-programmes', body),
  checklist: (id: string, params: Params) =>
    api.get<Page<ChecklistItem>>(`/api/audits/${id}/checklist${query(params)}`),
  recordResult: (id: string, itemId: string, body: ChecklistResultRequest) =>
    api.put<ChecklistItem>(`/api/audits/${id}/checklist/${itemId}`, body),
  findings: (id: string, params: Params) =>
    api.get<Page<Finding>>(`/api/audits/${id}/findings${query(params)}`),
  raiseFinding: (id: string, body: FindingInput) => api.post<Finding>(`/api/audits/${id}/findings`, body),
};

export function useAudits(params: Params) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: () => auditsApi.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useAudit(id: string) {
  return useQuery({ queryKey: auditKeys.detail(id), queryFn: () => auditsApi.get(id) });
}

/** The latest few programmes, for the audits page. */
export function useRecentProgrammes() {
  return useQuery({ queryKey: auditKeys.programmeList, queryFn: () => auditsApi.programmes(6) });
}

/** Up to 200 programmes, for pickers. */
export function useAllProgrammes() {
  return useQuery({ queryKey: auditKeys.programmeAll, queryFn: () => auditsApi.programmes(200) });
}

export function useChecklist(id: string, params: Params) {
  return useQuery({
    queryKey: auditKeys.checklist(id, params),
    queryFn: () => auditsApi.checklist(id, params),
    placeholderData: keepPreviousData,
  });
}

export function useFindings(id: string, params: Params) {
  return useQuery({
    queryKey: auditKeys.findings(id, params),
    queryFn: () => auditsApi.findings(id, params),
  });
}

/** Plans an audit (no id) or reschedules or renames one. */
export function useSaveAudit(
  id: string | undefined,
  callbacks?: ChangeCallbacks<AuditDetail, Draft<AuditInput>>,
) {
  return useChange(
    (body: Draft<AuditInput>) => (id ? auditsApi.update(id, body) : auditsApi.create(body)),
    () => auditChangeKeys,
    callbacks,
  );
}

export function useCreateProgramme(callbacks?: ChangeCallbacks<AuditProgramme, AuditProgrammeInput>) {
  return useChange(auditsApi.createProgramme, () => [auditKeys.programmes], callbacks);
}

/** A change within one audit (status, checklist result, finding). */
export function useAuditChange<TData, TVars = void>(
  change: (vars: TVars) => Promise<TData>,
  callbacks?: ChangeCallbacks<TData, TVars>,
) {
  return useChange(change, () => auditChangeKeys, callbacks);
}
