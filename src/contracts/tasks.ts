import { z } from 'zod';
import { personRefSchema } from './evidence.js';

export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export const taskStatusSchema = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const taskSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  description: z.string(),
  status: taskStatusSchema,
  assignee: personRefSchema.nullable(),
  dueAt: z.string().nullable(),
  /** What opened the task, e.g. a failing check or a recurring activity (its id); null for tasks made by hand. */
  source: z.object({ type: z.string(), id: z.string().uuid(), name: z.string().nullable() }).nullable(),
  /** A recurring activity's task that is completed only with evidence. */
  evidenceRequired: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: taskStatusSchema.optional(),
  /** `me`: tasks assigned to the caller; a user id; or left out for everyone's. */
  assignee: z.union([z.literal('me'), z.string().uuid()]).optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export const taskPatchSchema = z
  .strictObject({
    status: taskStatusSchema.optional(),
    assigneeId: z.string().uuid().nullable().optional(),
    /** With status done: the evidence of a recurring activity's task, linked to the activity's controls. */
    evidenceId: z.string().uuid().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');
export type TaskPatch = z.input<typeof taskPatchSchema>;

export const notificationSchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path inside the web app, e.g. /checks/…; never an outside address. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  unread: z.enum(['true', 'false']).optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });
export const readAllResponseSchema = z.object({ marked: z.number().int() });
