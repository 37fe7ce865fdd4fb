import type { RouteAccess } from '../../../contracts/permissions.js';

export const auditLogPolicy = {
  read: 'audit.read',
  checkpoint: 'audit.checkpoint',
} as const satisfies Record<string, RouteAccess>;
