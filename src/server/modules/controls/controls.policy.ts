import type { RouteAccess } from '../../../contracts/permissions.js';
import type { Actor } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors/app-error.js';

export const controlsPolicy = {
  read: 'controls.read',
  editOwn: 'controls.edit-own',
  manage: 'controls.manage',
} as const satisfies Record<string, RouteAccess>;

/** Owners edit their own controls; reassigning, re-scoping or editing others' controls takes controls.manage. */
export function assertMayEditControl(
  actor: Actor,
  control: { owner_id: string | null },
  patch: { ownerId?: string | null; serviceId?: string | null; ref?: string },
): void {
  if (actor.permissions.has('controls.manage')) return;
  if (control.owner_id === null || control.owner_id !== actor.userId) {
    throw forbidden('Only the owner of this control or a compliance manager may change it');
  }
  if (patch.ownerId !== undefined || patch.serviceId !== undefined || patch.ref !== undefined) {
    throw forbidden(
      'Changing the owner, scope or reference of a control takes the controls.manage permission',
    );
  }
}
