import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../contracts/paging.js';
import type {
  BulkApproveResult,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireUploadResult,
  SheetPreviewDto,
} from '../../contracts/questionnaires.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Params, query } from './client.js';
import { postForm } from './post-form.js';

/** Where the questions and answers are: the sheet, the two columns and the first question row. */
export interface QuestionnaireMapping {
  sheet: string;
  questionColumn: string;
  answerColumn: string;
  firstRow: number;
}

/** The rows to approve: those picked one by one, or all that match a filter. */
export type BulkApproval = { itemIds: string[] } | { filter: Params };

export const questionnaireKeys = {
  all: ['questionnaires'] as const,
  detail: (id: string) => ['questionnaire', id] as const,
  preview: (id: string) => ['questionnaire', id, 'preview'] as const,
  items: (id: string, filters: Params, page: number) =>
    ['questionnaire', id, 'items', filters, page] as const,
};

export const questionnairesApi = {
  list: () => api.get<Page<Questionnaire>>('/api/questionnaires?pageSize=100'),
  get: (id: string) => api.get<Questionnaire>(`/api/questionnaires/${id}`),
  upload: (form: FormData, csrfToken: string) =>
    postForm<QuestionnaireUploadResult>('/api/questionnaires', form, csrfToken),
  rename: (id: string, title: string) => api.patch<Questionnaire>(`/api/questionnaires/${id}`, { title }),
  setInternalSources: (id: string, includeInternalSources: boolean) =>
    api.patch<Questionnaire>(`/api/questionnaires/${id}`, { includeInternalSources }),
  remove: (id: string) => api.delete(`/api/questionnaires/${id}`),
  preview: (id: string) => api.get<SheetPreviewDto[]>(`/api/questionnaires/${id}/preview`),
  map: (id: string, body: QuestionnaireMapping) =>
    api.post<Questionnaire>(`/api/questionnaires/${id}/mapping`, body),
  items: (id: string, params: Params) =>
    api.get<Page<QuestionnaireItem>>(`/api/questionnaires/${id}/items${query(params)}`),
  bulkApprove: (id: string, body: BulkApproval) =>
    api.post<BulkApproveResult>(`/api/questionnaires/${id}/items/approve`, body),
  propose: (id: string) => api.post<{ proposed: number }>(`/api/questionnaires/${id}/proposals`),
  saveAnswer: (id: string, itemId: string, answer: string) =>
    api.put<QuestionnaireItem>(`/api/questionnaires/${id}/items/${itemId}/answer`, { answer }),
  approveItem: (id: string, itemId: string, answer: string) =>
    api.post<QuestionnaireItem>(`/api/questionnaires/${id}/items/${itemId}/approve`, { answer }),
  notApplicable: (id: string, itemId: string) =>
    api.post<QuestionnaireItem>(`/api/questionnaires/${id}/items/${itemId}/not-applicable`),
  exportUrl: (id: string) => `/api/questionnaires/${id}/export`,
};

export function useQuestionnaires() {
  return useQuery({ queryKey: questionnaireKeys.all, queryFn: questionnairesApi.list });
}

export function useQuestionnaire(id: string) {
  return useQuery({ queryKey: questionnaireKeys.detail(id), queryFn: () => questionnairesApi.get(id) });
}

export function useSheetPreview(id: string) {
  return useQuery({ queryKey: questionnaireKeys.preview(id), queryFn: () => questionnairesApi.preview(id) });
}

export function useQuestionnaireItems(id: string, filters: Params, page: number, pageSize: number) {
  return useQuery({
    queryKey: questionnaireKeys.items(id, filters, page),
    queryFn: () => questionnairesApi.items(id, { ...filters, page, pageSize }),
  });
}

/** Uploads a questionnaire file as a multipart form with the session's CSRF token; the list reloads. */
export function useUploadQuestionnaire(
  callbacks?: ChangeCallbacks<QuestionnaireUploadResult, { file: File; csrfToken: string }>,
) {
  return useChange(
    ({ file, csrfToken }: { file: File; csrfToken: string }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return questionnairesApi.upload(form, csrfToken);
    },
    () => [questionnaireKeys.all],
    callbacks,
  );
}

export function useRenameQuestionnaire(id: string, callbacks?: ChangeCallbacks<Questionnaire, string>) {
  return useChange(
    (title: string) => questionnairesApi.rename(id, title),
    () => [questionnaireKeys.detail(id), questionnaireKeys.all],
    callbacks,
  );
}

export function useSetInternalSources(id: string, callbacks?: ChangeCallbacks<Questionnaire, boolean>) {
  return useChange(
    (on: boolean) => questionnairesApi.setInternalSources(id, on),
    () => [questionnaireKeys.detail(id)],
    callbacks,
  );
}

/** Deletes a questionnaire; only the list reloads (the deleted one's own page is left by the caller). */
export function useDeleteQuestionnaire(id: string, callbacks?: ChangeCallbacks<void, void>) {
  return useChange(
    () => questionnairesApi.remove(id),
    () => [questionnaireKeys.all],
    callbacks,
  );
}

/** Imports the questions from the chosen sheet and columns; the questionnaire (with its items) and the list reload. */
export function useMapQuestionnaire(
  id: string,
  callbacks?: ChangeCallbacks<Questionnaire, QuestionnaireMapping>,
) {
  return useChange(
    (mapping: QuestionnaireMapping) => questionnairesApi.map(id, mapping),
    () => [questionnaireKeys.detail(id), questionnaireKeys.all],
    callbacks,
  );
}

// The questionnaire's key is the prefix of its items' keys, so the changes below reload the progress and the rows.

export function useBulkApprove(id: string, callbacks?: ChangeCallbacks<BulkApproveResult, BulkApproval>) {
  return useChange(
    (body: BulkApproval) => questionnairesApi.bulkApprove(id, body),
    () => [questionnaireKeys.detail(id)],
    callbacks,
  );
}

export function useProposeAnswers(id: string, callbacks?: ChangeCallbacks<{ proposed: number }, void>) {
  return useChange(
    () => questionnairesApi.propose(id),
    () => [questionnaireKeys.detail(id)],
    callbacks,
  );
}

export function useSaveAnswer(
  id: string,
  itemId: string,
  callbacks?: ChangeCallbacks<QuestionnaireItem, string>,
) {
  return useChange(
    (answer: string) => questionnairesApi.saveAnswer(id, itemId, answer),
    () => [questionnaireKeys.detail(id)],
    callbacks,
  );
}

export function useApproveItem(
  id: string,
  itemId: string,
  callbacks?: ChangeCallbacks<QuestionnaireItem, string>,
) {
  return useChange(
    (answer: string) => questionnairesApi.approveItem(id, itemId, answer),
    () => [questionnaireKeys.detail(id)],
    callbacks,
  );
}

export function useMarkNotApplicable(
  id: string,
  itemId: string,
  callbacks?: ChangeCallbacks<QuestionnaireItem, void>,
) {
  return useChange(
    () => questionnairesApi.notApplicable(id, itemId),
    () => [questionnaireKeys.detail(id)],
    callbacks,
  );
}
