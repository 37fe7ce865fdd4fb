import type { RouteAccess } from '../../../contracts/permissions.js';
import type { Actor } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors/app-error.js';

export const nonconformitiesPolicy = {
  read: 'nonconformities.read',
  completeOwn: 'nonconformities.complete-own',
  manage: 'nonconformities.manage',
} as const satisfies Record<string, RouteAccess>;

/** An action's owner may mark it done; anything else about an action takes nonconformities.manage. */
export function assertMayEditAction(
  actor: Actor,
  action: { owner_id: string },
  patch: { description?: string; ownerId?: string; dueDate?: string },
): void {
  if (actor.permissions.has('nonconformities.manage')) return;
  if (action.owner_id !== actor.userId) {
    throw forbidden('Only the owner of this corrective action or a compliance manager may change it');
  }
  if (patch.description !== undefined || patch.ownerId !== undefined || patch.dueDate !== undefined) {
    throw forbidden(
      'Changing what a corrective action is, its owner or due date takes nonconformities.manage',
    );
  }
}
