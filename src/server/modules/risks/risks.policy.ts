import type { RouteAccess } from '../../../contracts/permissions.js';
import type { Actor } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors/app-error.js';

export const risksPolicy = {
  read: 'risks.read',
  editOwn: 'risks.edit-own',
  manage: 'risks.manage',
} as const satisfies Record<string, RouteAccess>;

/** Owners update the assessment and treatment of their own risks; giving a risk to someone else takes risks.manage. */
export function assertMayEditRisk(
  actor: Actor,
  risk: { owner_id: string | null },
  patch: { ownerId?: unknown },
) {
  if (actor.permissions.has('risks.manage')) return;
  if (risk.owner_id === null || risk.owner_id !== actor.userId) {
    throw forbidden('Only the owner of this risk or a compliance manager may change it');
  }
  if (patch.ownerId !== undefined && patch.ownerId !== risk.owner_id)
    throw forbidden('Changing the owner of a risk takes the risks.manage permission');
}

/** Roles whose members may approve the acceptance of a risk. */
export const approverRoles: readonly string[] = ['admin', 'compliance-manager'];
