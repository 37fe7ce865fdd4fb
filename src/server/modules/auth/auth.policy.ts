import type { RouteAccess } from '../../../contracts/permissions.js';

export const authPolicy = {
  signIn: 'public',
  acceptInvite: 'public',
  session: 'authenticated',
  signOut: 'authenticated',
  changePassword: 'authenticated',
} as const satisfies Record<string, RouteAccess>;
