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
  control: { owner_id: string | null; service_id: string | null; ref: string },
  patch: { ownerId?: string | null; serviceId?: string | null; ref?: string },
): void {
  if (actor.permissions.has('controls.manage')) return;
  if (control.owner_id === null || control.owner_id !== actor.userId) {
    throw forbidden('Only the owner of this control or a compliance manager may change it');
  }
  const reassigns =
    (patch.ownerId !== undefined && patch.ownerId !== control.owner_id) ||
    (patch.serviceId !== undefined && patch.serviceId !== control.service_id) ||
    (patch.ref !== undefined && patch.ref !== control.ref);
  if (reassigns) {
    throw forbidden(
      'Changing the owner, scope or reference of a control takes the controls.manage permission',
    );
  }
}
