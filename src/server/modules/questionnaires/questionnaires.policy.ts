import type { RouteAccess } from '../../../contracts/permissions.js';

/** Questionnaires answer customers from trust-center content, so they share its permissions. */
export const questionnairesPolicy = {
  read: 'trust-center.read',
  manage: 'trust-center.manage',
} as const satisfies Record<string, RouteAccess>;
