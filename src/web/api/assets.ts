import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Asset, AssetInput, AssetPatch } from '../../contracts/assets.js';
import type { Page } from '../../contracts/paging.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Draft, query } from './client.js';

export type AssetListParams = Record<string, string | number | undefined>;

export const assetKeys = {
  all: ['assets'] as const,
  list: (params: AssetListParams) => ['assets', query(params)] as const,
  everything: ['assets', 'all'] as const,
};

export const assetsApi = {
  list: (params: AssetListParams) => api.get<Page<Asset>>(`/api/assets${query(params)}`),
  create: (body: Draft<AssetInput>) => api.post<Asset>('/api/assets', body),
  update: (id: string, body: Draft<AssetPatch>) => api.patch<Asset>(`/api/assets/${id}`, body),
  remove: (id: string) => api.delete(`/api/assets/${id}`),
};

export function useAssets(params: AssetListParams) {
  return useQuery({
    queryKey: assetKeys.list(params),
    queryFn: () => assetsApi.list(params),
    placeholderData: keepPreviousData,
  });
}

/** Up to 200 assets, for pickers. */
export function useAllAssets() {
  return useQuery({ queryKey: assetKeys.everything, queryFn: () => assetsApi.list({ pageSize: 200 }) });
}

/** Registers an asset (no id) or changes one. */
export function useSaveAsset(id: string | undefined, callbacks?: ChangeCallbacks<Asset, Draft<AssetInput>>) {
  return useChange(
    (body: Draft<AssetInput>) => (id ? assetsApi.update(id, body) : assetsApi.create(body)),
    () => [assetKeys.all],
    callbacks,
  );
}

export function useDeleteAsset(id: string, callbacks?: ChangeCallbacks<void, void>) {
  return useChange(
    () => assetsApi.remove(id),
    () => [assetKeys.all],
    callbacks,
  );
}
