import { useQuery, type useQueryClient } from '@tanstack/react-query';
import type { Asset } from '../../../contracts/assets.js';
import type { Page } from '../../../contracts/paging.js';
import type { RiskMatrix } from '../../../contracts/risks.js';
import { api } from '../../api/client.js';

export function useRiskMatrix() {
  return useQuery({ queryKey: ['risk-matrix'], queryFn: () => api.get<RiskMatrix>('/api/risk-matrix') });
}

export function useAllAssets() {
  return useQuery({
    queryKey: ['assets', 'all'],
    queryFn: () => api.get<Page<Asset>>('/api/assets?pageSize=200'),
  });
}

/** Level options "1 Rare", "2 Unlikely" … for one axis of the matrix. */
export const levelChoices = (labels: string[]) =>
  labels.map((label, i) => ({ value: String(i + 1), label: `${i + 1} ${label}` }));

/** What a change to risks makes stale. */
export function invalidateRisks(client: ReturnType<typeof useQueryClient>) {
  return Promise.all(
    ['risks', 'risk', 'risk-heatmap', 'risk-overview', 'risk-history', 'assets'].map((key) =>
      client.invalidateQueries({ queryKey: [key] }),
    ),
  );
}
