import type { SessionResponse } from '../../contracts/auth.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api } from './client.js';

export const sessionKeys = {
  all: ['session'] as const,
};

export const authApi = {
  session: () => api.get<SessionResponse>('/api/auth/session'),
  login: (body: { email: string; password: string }) => api.post<SessionResponse>('/api/auth/login', body),
  logout: () => api.post<void>('/api/auth/logout'),
  acceptInvite: (body: { token: string; name: string; password: string }) =>
    api.post<SessionResponse>('/api/auth/accept-invite', body),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    api.post<void>('/api/auth/password', body),
};

/** Changes the signed-in person's password (the server signs out their other sessions); no cached data goes stale. */
export function useChangePassword(
  callbacks?: ChangeCallbacks<void, { currentPassword: string; newPassword: string }>,
) {
  return useChange(authApi.changePassword, () => [], callbacks);
}
