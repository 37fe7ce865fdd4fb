import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';

/** Permissions and audit actions of the activities module. */
export const activitiesContract = defineModuleContract({
  permissions: {},
  auditActions: {
    'activity.created': z.strictObject({
      title: z.string(),
      kind: z.string(),
      schedule: z.string(),
      assigneeId: z.string(),
      controls: z.array(z.string()),
    }),
    'activity.updated': z.strictObject({ title: z.string(), changes }),
    'activity.task-completed': z.strictObject({
      title: z.string(),
      taskId: z.string(),
      evidenceId: z.string().nullable(),
      controls: z.array(z.string()),
    }),
  },
});
