import type { RouteAccess } from '../../../contracts/permissions.js';
import type { Actor } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors/app-error.js';

export const objectivesPolicy = {
  read: 'objectives.read',
  manage: 'objectives.manage',
  measure: 'objectives.measure',
} as const satisfies Record<string, RouteAccess>;

/** The owner of an objective records its measurements; anybody else needs objectives.manage. */
export function assertMayMeasure(actor: Actor, objective: { owner_id: string; title: string }): void {
  if (actor.permissions.has('objectives.manage')) return;
  if (actor.userId !== objective.owner_id) {
    throw forbidden(`Only the owner of "${objective.title}" or a compliance manager may record measurements`);
  }
}
