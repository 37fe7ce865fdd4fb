import type { RouteAccess } from '../../../contracts/permissions.js';

export const organizationPolicy = {
  read: 'organization.read',
  manage: 'organization.manage',
} as const satisfies Record<string, RouteAccess>;
