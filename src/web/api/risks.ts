import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../contracts/paging.js';
import type {
  RiskDetail,
  RiskHeatmap,
  RiskHistoryEvent,
  RiskInput,
  RiskMatrix,
  RiskMatrixInput,
  RiskOverview,
  RiskPatch,
  RiskSummary,
} from '../../contracts/risks.js';
import { assetKeys } from './assets.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Draft, query } from './client.js';

export type RiskListParams = Record<string, string | number | undefined>;

export const riskKeys = {
  lists: ['risks'] as const,
  list: (params: RiskListParams) => ['risks', query(params)] as const,
  details: ['risk'] as const,
  detail: (id: string) => ['risk', id] as const,
  heatmap: ['risk-heatmap'] as const,
  overview: ['risk-overview'] as const,
  histories: ['risk-history'] as const,
  history: (id: string) => ['risk-history', id] as const,
  matrix: ['risk-matrix'] as const,
};

/** What a change to a risk makes stale (assets show how many risks name them). */
const riskChangeKeys = [
  riskKeys.lists,
  riskKeys.details,
  riskKeys.heatmap,
  riskKeys.overview,
  riskKeys.histories,
  assetKeys.all,
] as const;

export const risksApi = {
  list: (params: RiskListParams) => api.get<Page<RiskSummary>>(`/api/risks${query(params)}`),
  get: (id: string) => api.get<RiskDetail>(`/api/risks/${id}`),
  history: (id: string) => api.get<Page<RiskHistoryEvent>>(`/api/risks/${id}/history?pageSize=50`),
  overview: () => api.get<RiskOverview>('/api/risks/overview'),
  heatmap: () => api.get<RiskHeatmap>('/api/risks/heatmap'),
  matrix: () => api.get<RiskMatrix>('/api/risk-matrix'),
  create: (body: Draft<RiskInput>) => api.post<RiskDetail>('/api/risks', body),
  update: (id: string, body: Draft<RiskPatch>) => api.patch<RiskDetail>(`/api/risks/${id}`, body),
  remove: (id: string) => api.delete(`/api/risks/${id}`),
  approveAcceptance: (id: string) => api.post<RiskDetail>(`/api/risks/${id}/acceptance/approve`),
  saveMatrix: (body: RiskMatrixInput) => api.put<RiskMatrix>('/api/risk-matrix', body),
  treatmentPlanUrl: (format: 'xlsx' | 'pdf') => `/api/risks/treatment-plan.${format}`,
};

export function useRisks(params: RiskListParams) {
  return useQuery({
    queryKey: riskKeys.list(params),
    queryFn: () => risksApi.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useRisk(id: string) {
  return useQuery({ queryKey: riskKeys.detail(id), queryFn: () => risksApi.get(id) });
}

export function useRiskHistory(id: string) {
  return useQuery({ queryKey: riskKeys.history(id), queryFn: () => risksApi.history(id) });
}

export function useRiskOverview() {
  return useQuery({ queryKey: riskKeys.overview, queryFn: risksApi.overview });
}

export function useRiskHeatmap() {
  return useQuery({ queryKey: riskKeys.heatmap, queryFn: risksApi.heatmap });
}

export function useRiskMatrix() {
  return useQuery({ queryKey: riskKeys.matrix, queryFn: risksApi.matrix });
}

/** Registers a risk (no id) or changes one. */
export function useSaveRisk(
  id: string | undefined,
  callbacks?: ChangeCallbacks<RiskDetail, Draft<RiskInput>>,
) {
  return useChange(
    (body: Draft<RiskInput>) => (id ? risksApi.update(id, body) : risksApi.create(body)),
    () => riskChangeKeys,
    callbacks,
  );
}

export function useUpdateRisk(id: string, callbacks?: ChangeCallbacks<RiskDetail, RiskPatch>) {
  return useChange(
    (body: RiskPatch) => risksApi.update(id, body),
    () => riskChangeKeys,
    callbacks,
  );
}

export function useApproveAcceptance(id: string, callbacks?: ChangeCallbacks<RiskDetail, void>) {
  const client = useQueryClient();
  return useChange(
    async () => {
      const updated = await risksApi.approveAcceptance(id);
      client.setQueryData(riskKeys.detail(id), updated);
      return updated;
    },
    () => riskChangeKeys,
    callbacks,
  );
}

export function useDeleteRisk(id: string, callbacks?: ChangeCallbacks<void, void>) {
  const client = useQueryClient();
  return useChange(
    async () => {
      await risksApi.remove(id);
      client.removeQueries({ queryKey: riskKeys.detail(id) });
    },
    () => riskChangeKeys,
    callbacks,
  );
}

export function useSaveRiskMatrix(callbacks?: ChangeCallbacks<RiskMatrix, RiskMatrixInput>) {
  return useChange(
    risksApi.saveMatrix,
    () => [riskKeys.matrix, riskKeys.lists, riskKeys.details, riskKeys.heatmap, riskKeys.overview],
    callbacks,
  );
}
