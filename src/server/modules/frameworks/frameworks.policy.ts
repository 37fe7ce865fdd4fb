import type { RouteAccess } from '../../../contracts/permissions.js';

export const frameworksPolicy = {
  read: 'frameworks.read',
  manage: 'frameworks.manage',
} as const satisfies Record<string, RouteAccess>;
