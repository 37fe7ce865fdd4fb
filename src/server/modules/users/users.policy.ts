import type { RouteAccess } from '../../../contracts/permissions.js';

export const usersPolicy = {
  read: 'users.read',
  manage: 'users.manage',
} as const satisfies Record<string, RouteAccess>;
