import type { RouteAccess } from '../../../contracts/permissions.js';
import type { Actor } from '../../kernel/context.js';
import { AppError, forbidden } from '../../kernel/errors/app-error.js';

export const evidencePolicy = {
  read: 'evidence.read',
  /** Add evidence and link it to controls; change or remove one's own evidence until it is reviewed. */
  submit: 'evidence.submit',
  /** Review evidence, and change or remove anyone's. */
  manage: 'evidence.manage',
} as const satisfies Record<string, RouteAccess>;

interface EvidenceOwnership {
  kind: string;
  created_by: string | null;
  reviewed_at: Date | null;
}

/** The submitter may change their evidence until someone reviewed it; anything else takes evidence.manage. */
export function assertMayChangeEvidence(actor: Actor, row: EvidenceOwnership, verb: string): void {
  if (actor.permissions.has('evidence.manage')) return;
  if (row.kind === 'check-result') {
    throw forbidden(`Check results are recorded by their check; to ${verb} one takes evidence.manage`);
  }
  if (row.created_by === null || row.created_by !== actor.userId) {
    throw forbidden(`Only the person who submitted this evidence or an evidence manager may ${verb} it`);
  }
  if (row.reviewed_at) {
    throw forbidden(`This evidence has been reviewed; to ${verb} it now takes evidence.manage`);
  }
}

/** Four eyes: a reviewer confirms someone else's evidence. */
export function assertMayReview(actor: Actor, row: EvidenceOwnership): void {
  if (row.created_by !== null && row.created_by === actor.userId) {
    throw forbidden('Evidence must be reviewed by someone other than the person who submitted it');
  }
}

/** Check results carry the check's findings and links; people do not edit them. */
export function assertNotCheckResult(row: EvidenceOwnership, what: string): void {
  if (row.kind === 'check-result') {
    throw new AppError(
      'CONFLICT',
      `Check results are recorded by their check; ${what} cannot be changed by hand`,
    );
  }
}
