import type { RouteAccess } from '../../../contracts/permissions.js';

export const vulnerabilitiesPolicy = {
  read: 'vulnerabilities.read',
  import: 'vulnerabilities.import',
  manage: 'vulnerabilities.manage',
} as const satisfies Record<string, RouteAccess>;
