import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../contracts/paging.js';
import type {
  AccessGrant,
  AutoApprovalRule,
  AutoApprovalRuleInput,
  DocumentDownload,
  DocumentRequest,
  DocumentStats,
  DocumentUpdate,
  GeneratedDocumentInput,
  NdaVersion,
  TrustDocument,
} from '../../contracts/trust-documents.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Draft, type Params, query } from './client.js';
import { postForm } from './post-form.js';

export const trustDocumentKeys = {
  documents: ['trust-documents'] as const,
  downloads: ['trust-document-downloads'] as const,
  stats: ['trust-document-stats'] as const,
  grants: ['trust-access-grants'] as const,
  ndaVersions: ['trust-nda-versions'] as const,
  requestLists: ['trust-document-requests'] as const,
  requests: (status: string, page: number, pageSize: number) =>
    ['trust-document-requests', status, page, pageSize] as const,
  rules: ['trust-auto-approval-rules'] as const,
};

export const trustDocumentsApi = {
  list: () => api.get<Page<TrustDocument>>('/api/trust-documents?pageSize=200'),
  addGenerated: (body: Draft<GeneratedDocumentInput>) =>
    api.post<TrustDocument>('/api/trust-documents/generated', body),
  upload: (form: FormData, csrfToken: string) =>
    postForm<TrustDocument>('/api/trust-documents', form, csrfToken),
  update: (id: string, body: DocumentUpdate) => api.patch<TrustDocument>(`/api/trust-documents/${id}`, body),
  fileUrl: (id: string) => `/api/trust-documents/${id}/file`,
  downloads: () => api.get<Page<DocumentDownload>>('/api/trust-document-downloads?pageSize=100'),
  stats: () => api.get<Page<DocumentStats>>('/api/trust-document-stats?pageSize=200'),
  grants: () => api.get<Page<AccessGrant>>('/api/trust-access-grants?pageSize=200'),
  revokeGrant: (id: string) => api.post<AccessGrant>(`/api/trust-access-grants/${id}/revoke`),
  ndaVersions: () => api.get<Page<NdaVersion>>('/api/trust-nda-versions?pageSize=50'),
  publishNda: (text: string) => api.post<NdaVersion>('/api/trust-nda-versions', { text }),
  requests: (params: Params) =>
    api.get<Page<DocumentRequest>>(`/api/trust-document-requests${query(params)}`),
  approveRequest: (id: string, expiresInDays: number) =>
    api.post<DocumentRequest>(`/api/trust-document-requests/${id}/approve`, { expiresInDays }),
  rejectRequest: (id: string, reason: string) =>
    api.post<DocumentRequest>(`/api/trust-document-requests/${id}/reject`, { reason }),
  rules: () => api.get<Page<AutoApprovalRule>>('/api/trust-auto-approval-rules?pageSize=200'),
  addRule: (body: AutoApprovalRuleInput) =>
    api.post<AutoApprovalRule>('/api/trust-auto-approval-rules', body),
  removeRule: (id: string) => api.delete(`/api/trust-auto-approval-rules/${id}`),
};

export function useTrustDocuments() {
  return useQuery({ queryKey: trustDocumentKeys.documents, queryFn: trustDocumentsApi.list });
}

export function useDocumentDownloads() {
  return useQuery({ queryKey: trustDocumentKeys.downloads, queryFn: trustDocumentsApi.downloads });
}

export function useDocumentStats() {
  return useQuery({ queryKey: trustDocumentKeys.stats, queryFn: trustDocumentsApi.stats });
}

export function useAccessGrants() {
  return useQuery({ queryKey: trustDocumentKeys.grants, queryFn: trustDocumentsApi.grants });
}

export function useNdaVersions() {
  return useQuery({ queryKey: trustDocumentKeys.ndaVersions, queryFn: trustDocumentsApi.ndaVersions });
}

export function useDocumentRequests(status: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: trustDocumentKeys.requests(status, page, pageSize),
    queryFn: () =>
      trustDocumentsApi.requests({ status: status === 'all' ? undefined : status, page, pageSize }),
  });
}

export function useAutoApprovalRules() {
  return useQuery({ queryKey: trustDocumentKeys.rules, queryFn: trustDocumentsApi.rules });
}

/** What the add-a-document form sends: a document generated from the records, or an upload with its file. */
export type NewTrustDocument =
  | { source: 'generated'; document: Draft<GeneratedDocumentInput> }
  | { source: 'upload'; form: FormData; csrfToken: string };

/** Adds a trust document (generated, or uploaded as a multipart form with the session's CSRF token). */
export function useAddTrustDocument(callbacks?: ChangeCallbacks<TrustDocument, NewTrustDocument>) {
  return useChange(
    (input: NewTrustDocument) =>
      input.source === 'generated'
        ? trustDocumentsApi.addGenerated(input.document)
        : trustDocumentsApi.upload(input.form, input.csrfToken),
    () => [trustDocumentKeys.documents],
    callbacks,
  );
}

export function useUpdateTrustDocument(
  id: string,
  callbacks?: ChangeCallbacks<TrustDocument, DocumentUpdate>,
) {
  return useChange(
    (patch: DocumentUpdate) => trustDocumentsApi.update(id, patch),
    () => [trustDocumentKeys.documents],
    callbacks,
  );
}

export function useRevokeGrant(id: string, callbacks?: ChangeCallbacks<AccessGrant, void>) {
  return useChange(
    () => trustDocumentsApi.revokeGrant(id),
    () => [trustDocumentKeys.grants],
    callbacks,
  );
}

export function usePublishNda(callbacks?: ChangeCallbacks<NdaVersion, string>) {
  return useChange(trustDocumentsApi.publishNda, () => [trustDocumentKeys.ndaVersions], callbacks);
}

/** Approves a request for the given number of days; the requests and the access grants reload. */
export function useApproveRequest(id: string, callbacks?: ChangeCallbacks<DocumentRequest, number>) {
  return useChange(
    (expiresInDays: number) => trustDocumentsApi.approveRequest(id, expiresInDays),
    () => [trustDocumentKeys.requestLists, trustDocumentKeys.grants],
    callbacks,
  );
}

/** Rejects a request with a reason; the requests and the access grants reload. */
export function useRejectRequest(id: string, callbacks?: ChangeCallbacks<DocumentRequest, string>) {
  return useChange(
    (reason: string) => trustDocumentsApi.rejectRequest(id, reason),
    () => [trustDocumentKeys.requestLists, trustDocumentKeys.grants],
    callbacks,
  );
}

export function useAddAutoApprovalRule(callbacks?: ChangeCallbacks<AutoApprovalRule, AutoApprovalRuleInput>) {
  return useChange(trustDocumentsApi.addRule, () => [trustDocumentKeys.rules], callbacks);
}

export function useRemoveAutoApprovalRule(id: string, callbacks?: ChangeCallbacks<void, void>) {
  return useChange(
    () => trustDocumentsApi.removeRule(id),
    () => [trustDocumentKeys.rules],
    callbacks,
  );
}
