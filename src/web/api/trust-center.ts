import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Claim, ClaimSetInput } from '../../contracts/claims.js';
import type { Page } from '../../contracts/paging.js';
import type { PublicControl } from '../../contracts/public-controls.js';
import type {
  Certification,
  CertificationInput,
  FaqEntry,
  FaqEntryPatch,
  FaqImportPreview,
  FaqImportReport,
  faqSectionSchema,
  Subprocessor,
  TrustSettings,
} from '../../contracts/trust-center.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Draft, type Params, query } from './client.js';

export type FaqSection = z.infer<typeof faqSectionSchema>;

export interface SubprocessorNotice {
  id: string;
  subprocessorName: string;
  email: string;
  change: string;
  effectiveOn: string;
  notifiedAt: string;
  objectedAt: string | null;
}

export interface SubprocessorSubscriber {
  id: string;
  email: string;
  verifiedAt: string | null;
}

export const trustKeys = {
  settings: ['trust-settings'] as const,
  certifications: ['trust-certifications'] as const,
  faqSections: ['faq-sections'] as const,
  faqEntries: ['faq-entries'] as const,
  faqEntryList: (params: Params) => ['faq-entries', query(params)] as const,
  subprocessors: ['subprocessors'] as const,
  subprocessorSubscribers: ['subprocessor-subscribers'] as const,
  subprocessorNotices: ['subprocessor-notifications'] as const,
  claims: ['trust-claims'] as const,
  publicControls: ['trust-public-controls'] as const,
};

export const trustApi = {
  settings: () => api.get<TrustSettings & { updatedAt: string }>('/api/trust-center/settings'),
  saveSettings: (body: TrustSettings) => api.put<TrustSettings>('/api/trust-center/settings', body),
  previewUrl: '/api/trust-center/preview',
  certifications: () => api.get<Page<Certification>>('/api/trust-center/certifications?pageSize=200'),
  saveCertification: (id: string | undefined, body: Draft<CertificationInput>) =>
    id
      ? api.put<Certification>(`/api/trust-center/certifications/${id}`, body)
      : api.post<Certification>('/api/trust-center/certifications', body),
  removeCertification: (id: string) => api.delete(`/api/trust-center/certifications/${id}`),
  faqSections: () => api.get<Page<FaqSection>>('/api/faq/sections?pageSize=200'),
  addFaqSection: (body: { title: string; language: string }) =>
    api.post<FaqSection>('/api/faq/sections', body),
  faqEntries: (params: Params) => api.get<Page<FaqEntry>>(`/api/faq/entries${query(params)}`),
  addFaqEntry: (body: { sectionId: string | null; question: string; answer: string }) =>
    api.post<FaqEntry>('/api/faq/entries', body),
  updateFaqEntry: (id: string, body: FaqEntryPatch) => api.patch<FaqEntry>(`/api/faq/entries/${id}`, body),
  publishFaqEntry: (id: string) => api.post<FaqEntry>(`/api/faq/entries/${id}/publish`),
  confirmFaqEntry: (id: string, reason: string) =>
    api.post<FaqEntry>(`/api/faq/entries/${id}/confirm`, { reason }),
  previewFaqImport: (markdown: string) => api.post<FaqImportPreview>('/api/faq/import/preview', { markdown }),
  importFaq: (body: { markdown: string; publish: boolean; duplicates: Record<string, string> }) =>
    api.post<FaqImportReport>('/api/faq/import', body),
  faqExportUrl: (language: string) => `/api/faq/export.md${query({ language })}`,
  subprocessors: () => api.get<Page<Subprocessor>>('/api/subprocessors?pageSize=200'),
  addSubprocessor: (body: Record<string, string | null>) =>
    api.post<Subprocessor>('/api/subprocessors', body),
  announce: (id: string, body: { change: string; effectiveOn: string }) =>
    api.post<{ notified: number }>(`/api/subprocessors/${id}/announcements`, body),
  subprocessorSubscribers: () =>
    api.get<Page<SubprocessorSubscriber>>('/api/subprocessor-subscribers?pageSize=200'),
  subprocessorNotices: () =>
    api.get<Page<SubprocessorNotice>>('/api/subprocessor-notifications?pageSize=100'),
  claims: () => api.get<{ claims: Claim[] }>('/api/trust-center/claims'),
  saveClaims: (body: ClaimSetInput) => api.put<{ claims: Claim[] }>('/api/trust-center/claims', body),
  publicControls: () => api.get<{ controls: PublicControl[] }>('/api/trust-center/public-controls'),
  savePublicControls: (body: PublicControlsInput) =>
    api.put<{ controls: PublicControl[] }>('/api/trust-center/public-controls', body),
};

/** The public list as saved: in the order shown. */
export interface PublicControlsInput {
  controls: { controlId: string; domain: string; publicTitle: string | null }[];
}

export function useTrustSettings() {
  return useQuery({ queryKey: trustKeys.settings, queryFn: trustApi.settings });
}

export function useCertifications() {
  return useQuery({ queryKey: trustKeys.certifications, queryFn: trustApi.certifications });
}

export function useFaqSections() {
  return useQuery({ queryKey: trustKeys.faqSections, queryFn: trustApi.faqSections });
}

export function useFaqEntries(params: Params) {
  return useQuery({
    queryKey: trustKeys.faqEntryList(params),
    queryFn: () => trustApi.faqEntries(params),
    placeholderData: keepPreviousData,
  });
}

export function useSubprocessors() {
  return useQuery({ queryKey: trustKeys.subprocessors, queryFn: trustApi.subprocessors });
}

export function useSubprocessorSubscribers() {
  return useQuery({ queryKey: trustKeys.subprocessorSubscribers, queryFn: trustApi.subprocessorSubscribers });
}

export function useSubprocessorNotices() {
  return useQuery({ queryKey: trustKeys.subprocessorNotices, queryFn: trustApi.subprocessorNotices });
}

/** The trust-center claims, each with whether the records still bear it out. */
export function useClaims() {
  return useQuery({ queryKey: trustKeys.claims, queryFn: trustApi.claims });
}

/** Replace the organisation's stated positions; the claims come back evaluated. */
export function useSaveClaims(callbacks?: ChangeCallbacks<{ claims: Claim[] }, ClaimSetInput>) {
  return useChange(trustApi.saveClaims, () => [trustKeys.claims], callbacks);
}

/** The controls the public trust center shows, each with its live health. */
export function usePublicControls() {
  return useQuery({ queryKey: trustKeys.publicControls, queryFn: trustApi.publicControls });
}

export function useSavePublicControls(
  callbacks?: ChangeCallbacks<{ controls: PublicControl[] }, PublicControlsInput>,
) {
  return useChange(trustApi.savePublicControls, () => [trustKeys.publicControls], callbacks);
}
