import type { RouteAccess } from '../../../contracts/permissions.js';

/**
 * Documents, NDA texts, rules and counts are trust-center content; requests, grants and downloads name
 * visitors (personal data), so only the people who decide on requests see them.
 */
export const trustDocumentsPolicy = {
  read: 'trust-center.read',
  manage: 'trust-center.manage',
  visitors: 'trust-center.manage',
} as const satisfies Record<string, RouteAccess>;
