import type { RouteAccess } from '../../../contracts/permissions.js';

/** Recurring activities open tasks, so they are read and run with the tasks permissions. */
export const activitiesPolicy = {
  read: 'tasks.read',
  manage: 'tasks.manage',
} as const satisfies Record<string, RouteAccess>;
