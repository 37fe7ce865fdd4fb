import type { RouteAccess } from '../../../contracts/permissions.js';

export const managementReviewPolicy = {
  read: 'management-reviews.read',
  manage: 'management-reviews.manage',
} as const satisfies Record<string, RouteAccess>;
