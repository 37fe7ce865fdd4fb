import type { RouteAccess } from '../../../contracts/permissions.js';

export const tokensPolicy = {
  manageOwn: 'tokens.manage-own',
} as const satisfies Record<string, RouteAccess>;
