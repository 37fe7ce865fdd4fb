import type { RouteAccess } from '../../../contracts/permissions.js';

export const assetsPolicy = {
  read: 'assets.read',
  manage: 'assets.manage',
} as const satisfies Record<string, RouteAccess>;
