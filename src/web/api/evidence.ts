import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Evidence, EvidenceDetail, EvidenceLinkInput } from '../../contracts/evidence.js';
import type { Page } from '../../contracts/paging.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Params, query } from './client.js';
import { controlKeys } from './controls.js';
import { coverageKeys } from './frameworks.js';
import { postForm } from './post-form.js';

export const evidenceKeys = {
  all: ['evidence'] as const,
  list: (params: Params) => ['evidence', query(params)] as const,
  picker: (params: Params) => ['evidence', 'picker', query(params)] as const,
};

/** What a change to evidence makes stale: evidence lists and the health of controls. */
export const evidenceChangeKeys = [
  evidenceKeys.all,
  controlKeys.details,
  controlKeys.lists,
  coverageKeys.all,
  coverageKeys.requirementLists,
] as const;

export const evidenceApi = {
  list: (params: Params) => api.get<Page<Evidence>>(`/api/evidence${query(params)}`),
  upload: (form: FormData, csrfToken: string) =>
    postForm<EvidenceDetail>('/api/evidence/files', form, csrfToken),
  addLink: (body: EvidenceLinkInput) => api.post<EvidenceDetail>('/api/evidence/links', body),
  review: (id: string) => api.post<EvidenceDetail>(`/api/evidence/${id}/review`, {}),
  remove: (id: string) => api.delete(`/api/evidence/${id}`),
  fileUrl: (id: string) => `/api/evidence/${id}/file`,
};

export function useEvidenceList(params: Params, enabled = true) {
  return useQuery({
    queryKey: evidenceKeys.list(params),
    queryFn: () => evidenceApi.list(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEvidencePicker(params: Params) {
  return useQuery({
    queryKey: evidenceKeys.picker(params),
    queryFn: () => evidenceApi.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useUploadEvidence(
  callbacks?: ChangeCallbacks<EvidenceDetail, { form: FormData; csrfToken: string }>,
) {
  return useChange(
    ({ form, csrfToken }: { form: FormData; csrfToken: string }) => evidenceApi.upload(form, csrfToken),
    () => evidenceChangeKeys,
    callbacks,
  );
}

export function useAddEvidenceLink(callbacks?: ChangeCallbacks<EvidenceDetail, EvidenceLinkInput>) {
  return useChange(evidenceApi.addLink, () => evidenceChangeKeys, callbacks);
}

export function useReviewEvidence(id: string, callbacks?: ChangeCallbacks<EvidenceDetail, void>) {
  return useChange(
    () => evidenceApi.review(id),
    () => evidenceChangeKeys,
    callbacks,
  );
}

export function useDeleteEvidence(id: string, callbacks?: ChangeCallbacks<void, void>) {
  return useChange(
    () => evidenceApi.remove(id),
    () => evidenceChangeKeys,
    callbacks,
  );
}
