import type { RouteAccess } from '../../../contracts/permissions.js';
import type { Actor } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors/app-error.js';

export const policiesPolicy = {
  read: 'policies.read',
  manage: 'policies.manage',
  approve: 'policies.approve',
  acknowledge: 'policies.acknowledge',
} as const satisfies Record<string, RouteAccess>;

/** Four eyes: the person who wrote a version never approves it. */
export function assertMayApprove(actor: Actor, version: { number: number; author_id: string | null }): void {
  if (actor.userId === null) throw forbidden('A version is approved by a person, not by automation');
  if (version.author_id === actor.userId) {
    throw forbidden(
      `You wrote version ${version.number}, so you cannot approve it: another approver must (four eyes)`,
    );
  }
}
