import type { RouteAccess } from '../../../contracts/permissions.js';

export const trustCenterPolicy = {
  read: 'trust-center.read',
  manage: 'trust-center.manage',
} as const satisfies Record<string, RouteAccess>;
