import type { RouteAccess } from '../../../contracts/permissions.js';
import type { Actor } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors/app-error.js';

export const tasksPolicy = {
  read: 'tasks.read',
  updateOwn: 'tasks.update-own',
  manage: 'tasks.manage',
  inbox: 'notifications.read',
  manageInbox: 'notifications.manage-own',
} as const satisfies Record<string, RouteAccess>;

/** The assignee may set the status of their own task; reassigning or changing others' tasks takes tasks.manage. */
export function assertMayUpdateTask(
  actor: Actor,
  task: { assignee_id: string | null },
  patch: { assigneeId?: string | null },
): void {
  if (actor.permissions.has('tasks.manage')) return;
  if (task.assignee_id === null || task.assignee_id !== actor.userId) {
    throw forbidden('Only the assignee or someone with tasks.manage may change this task');
  }
  if (patch.assigneeId !== undefined) throw forbidden('Reassigning a task takes the tasks.manage permission');
}
