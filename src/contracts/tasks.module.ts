import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the tasks module. */
export const tasksContract = defineModuleContract({
  permissions: {
    'tasks.read': { roles: everyone },
    /** Set the status of the tasks assigned to oneself (others' tasks and reassigning take tasks.manage). */
    'tasks.update-own': { roles: everyone },
    'tasks.manage': { roles: ['compliance-manager'] },
    /** Read one's own notification inbox and e-mail settings. */
    'notifications.read': { roles: everyone },
    /** Mark one's own notifications read and choose how they are mailed. */
    'notifications.manage-own': { roles: everyone },
  },
  auditActions: {
    'task.opened': z.strictObject({
      title: z.string(),
      sourceType: z.string().nullable(),
      sourceId: z.string().nullable(),
      assigneeId: z.string().nullable(),
    }),
    'task.updated': z.strictObject({ title: z.string(), changes }),
    'task.closed': z.strictObject({ title: z.string(), status: z.string(), reason: z.string() }),
    'notifications.sent': z.strictObject({ kind: z.string(), count: z.number().int() }),
    'notification.read': z.strictObject({ kind: z.string() }),
    'notifications.read-all': z.strictObject({ count: z.number().int() }),
    'notification-settings.updated': z.strictObject({ email: z.string() }),
    'notifications.digest-sent': z.strictObject({ recipients: z.number().int() }),
  },
});
