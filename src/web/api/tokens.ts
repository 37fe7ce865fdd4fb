import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../contracts/paging.js';
import type { ApiToken } from '../../contracts/tokens.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api } from './client.js';

export interface CreatedToken {
  token: string;
  apiToken: ApiToken;
}

export const tokenKeys = {
  all: ['tokens'] as const,
};

export const tokensApi = {
  list: () => api.get<Page<ApiToken>>('/api/tokens?pageSize=200'),
  create: (body: { name: string; scopes: string[]; expiresInDays: number }) =>
    api.post<CreatedToken>('/api/tokens', body),
  revoke: (id: string) => api.delete(`/api/tokens/${id}`),
};

export function useTokens() {
  return useQuery({ queryKey: tokenKeys.all, queryFn: tokensApi.list });
}

export function useCreateToken() {
  return useChange(tokensApi.create, () => [tokenKeys.all]);
}

export function useRevokeToken(callbacks?: ChangeCallbacks<void, string>) {
  return useChange(tokensApi.revoke, () => [tokenKeys.all], callbacks);
}
