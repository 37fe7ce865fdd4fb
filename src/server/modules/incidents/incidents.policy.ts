import type { RouteAccess } from '../../../contracts/permissions.js';
import type { Actor } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors/app-error.js';

export const incidentsPolicy = {
  read: 'incidents.read',
  report: 'incidents.report',
  manage: 'incidents.manage',
  admin: 'incidents.admin',
} as const satisfies Record<string, RouteAccess>;

/**
 * Who sees which incident (applied in the repository to every read):
 * - incident handlers (incidents.manage: compliance managers, admins and anyone an administrator gave the
 *   incident-manager duty, contracts/roles.ts) see every incident of the organisation;
 * - auditors see an incident only when it is linked to a control in their framework scope (the design's rule for
 *   anything that can carry a control's text); an incident linked to no control stays with the handlers;
 * - everyone else sees the incidents they reported themselves.
 */
export type IncidentVisibility =
  | { kind: 'all' }
  | { kind: 'scoped-auditor' }
  | { kind: 'own'; userId: string };

export function incidentVisibility(actor: Actor): IncidentVisibility {
  if (actor.permissions.has('incidents.manage')) return { kind: 'all' };
  if (actor.role === 'auditor') return { kind: 'scoped-auditor' };
  return { kind: 'own', userId: actor.userId ?? '' };
}

/** Reporters add to the timeline of their own incidents; handlers to any. */
export function assertMayAddToTimeline(actor: Actor, incident: { reported_by: string | null }) {
  if (actor.permissions.has('incidents.manage')) return;
  if (incident.reported_by === null || incident.reported_by !== actor.userId)
    throw forbidden('Only the reporter of this incident or an incident handler may add to its timeline');
}
