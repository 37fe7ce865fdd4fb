import type { RouteAccess } from '../../../contracts/permissions.js';

export const checksPolicy = {
  read: 'checks.read',
  /** Run a check now, push a result from CI, send metric samples. */
  report: 'checks.report',
  manage: 'checks.manage',
} as const satisfies Record<string, RouteAccess>;
