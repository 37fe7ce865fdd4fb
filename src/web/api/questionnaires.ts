import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../contracts/paging.js';
import type {
  BulkApproveResult,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireUploadResult,
  SheetPreviewDto,
} from '../../contracts/questionnaires.js';
import { api, type Params, query } from './client.js';
import { postForm } from './post-form.js';

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
  map: (
    id: string,
    body: { sheet: string; questionColumn: string; answerColumn: string; firstRow: number },
  ) => api.post<Questionnaire>(`/api/questionnaires/${id}/mapping`, body),
  items: (id: string, params: Params) =>
    api.get<Page<QuestionnaireItem>>(`/api/questionnaires/${id}/items${query(params)}`),
  bulkApprove: (id: string, body: { itemIds: string[] } | { filter: Params }) =>
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
