import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ReviewActionInput,
  ReviewDetail,
  ReviewInput,
  ReviewSummary,
} from '../../contracts/management-review.js';
import type { Page } from '../../contracts/paging.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Draft, type Params, query } from './client.js';

export const reviewKeys = {
  lists: ['management-reviews'] as const,
  list: (params: Params) => ['management-reviews', query(params)] as const,
  detail: (id: string) => ['management-review', id] as const,
};

export const reviewsApi = {
  list: (params: Params) => api.get<Page<ReviewSummary>>(`/api/management-reviews${query(params)}`),
  get: (id: string) => api.get<ReviewDetail>(`/api/management-reviews/${id}`),
  create: (body: Draft<ReviewInput>) => api.post<ReviewDetail>('/api/management-reviews', body),
  addAction: (id: string, body: Draft<ReviewActionInput>) =>
    api.post<ReviewDetail>(`/api/management-reviews/${id}/actions`, body),
  step: (id: string, what: 'assemble' | 'close') =>
    api.post<ReviewDetail>(`/api/management-reviews/${id}/${what}`),
  reportUrl: (id: string, ext: string) => `/api/management-reviews/${id}/report.${ext}`,
};

export function useReviews(params: Params) {
  return useQuery({ queryKey: reviewKeys.list(params), queryFn: () => reviewsApi.list(params) });
}

export function useReview(id: string) {
  return useQuery({ queryKey: reviewKeys.detail(id), queryFn: () => reviewsApi.get(id) });
}

export function useCreateReview(callbacks?: ChangeCallbacks<ReviewDetail, Draft<ReviewInput>>) {
  return useChange(reviewsApi.create, () => [reviewKeys.lists], callbacks);
}

/** Records a decision; the review shows the answer (the list does not carry decisions). */
export function useAddReviewAction(
  id: string,
  callbacks?: ChangeCallbacks<ReviewDetail, Draft<ReviewActionInput>>,
) {
  const client = useQueryClient();
  return useChange(
    async (body: Draft<ReviewActionInput>) => {
      const r = await reviewsApi.addAction(id, body);
      client.setQueryData(reviewKeys.detail(r.id), r);
      return r;
    },
    () => [],
    callbacks,
  );
}

export function useReviewStep(id: string, callbacks?: ChangeCallbacks<ReviewDetail, 'assemble' | 'close'>) {
  const client = useQueryClient();
  return useChange(
    async (what: 'assemble' | 'close') => {
      const r = await reviewsApi.step(id, what);
      client.setQueryData(reviewKeys.detail(r.id), r);
      return r;
    },
    () => [reviewKeys.lists],
    callbacks,
  );
}
