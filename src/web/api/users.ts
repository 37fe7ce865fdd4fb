import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../contracts/paging.js';
import type { Role } from '../../contracts/permissions.js';
import type { User } from '../../contracts/users.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, query } from './client.js';

export interface InviteResult {
  user: User;
  inviteUrl: string;
  expiresAt: string;
}

export interface FrameworkScope {
  frameworkIds: string[];
}

export const userKeys = {
  all: ['users'] as const,
  list: (page: number) => ['users', page] as const,
  everyone: () => ['users', 'all'] as const,
  count: () => ['users', 'count'] as const,
  frameworkScope: (id: string) => ['framework-scope', id] as const,
};

export const usersApi = {
  list: (params: { page?: number; pageSize?: number }) => api.get<Page<User>>(`/api/users${query(params)}`),
  update: (id: string, patch: Partial<Pick<User, 'role' | 'status' | 'duties'>>) =>
    api.patch<User>(`/api/users/${id}`, patch),
  invite: (body: { email: string; name: string; role: Role }) =>
    api.post<InviteResult>('/api/users/invitations', body),
  frameworkScope: (id: string) => api.get<FrameworkScope>(`/api/users/${id}/framework-scope`),
  setFrameworkScope: (id: string, body: FrameworkScope) =>
    api.put<FrameworkScope>(`/api/users/${id}/framework-scope`, body),
};

export function useUsers(page: number, pageSize: number) {
  return useQuery({
    queryKey: userKeys.list(page),
    queryFn: () => usersApi.list({ page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useUserCount() {
  return useQuery({ queryKey: userKeys.count(), queryFn: () => usersApi.list({ pageSize: 1 }) });
}

/** Everyone (up to 200 people), when the role may list people. */
export function useAllUsers(enabled = true) {
  return useQuery({
    queryKey: userKeys.everyone(),
    queryFn: () => usersApi.list({ pageSize: 200 }),
    enabled,
  });
}

export function useUpdateUser(
  id: string,
  callbacks?: ChangeCallbacks<User, Partial<Pick<User, 'role' | 'status' | 'duties'>>>,
) {
  return useChange(
    (patch: Partial<Pick<User, 'role' | 'status' | 'duties'>>) => usersApi.update(id, patch),
    () => [userKeys.all],
    callbacks,
  );
}

export function useInviteUser() {
  return useChange(usersApi.invite, () => [userKeys.all]);
}

export function useFrameworkScope(id: string, enabled: boolean) {
  return useQuery({
    queryKey: userKeys.frameworkScope(id),
    queryFn: () => usersApi.frameworkScope(id),
    enabled,
  });
}

export function useSetFrameworkScope(id: string, callbacks?: ChangeCallbacks<FrameworkScope, string[]>) {
  return useChange(
    (frameworkIds: string[]) => usersApi.setFrameworkScope(id, { frameworkIds }),
    () => [userKeys.frameworkScope(id)],
    callbacks,
  );
}
