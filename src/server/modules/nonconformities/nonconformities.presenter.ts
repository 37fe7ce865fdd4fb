import type {
  CorrectiveAction,
  NcSummary,
  Verification,
  VerificationResult,
} from '../../../contracts/nonconformities.js';
import type { NcListRow } from './nonconformities.repository.js';
import { today } from './people.js';

export const presentNcSummary = (r: NcListRow): NcSummary => ({
  id: r.id,
  ref: r.ref,
  source: r.source,
  sourceRef: r.source_ref,
  severity: r.severity,
  description: r.description,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  status: r.status,
  raisedOn: r.raised_on,
  actionCount: Number(r.action_count),
  overdueActions: Number(r.overdue_actions),
});

export function presentAction(a: {
  id: string;
  description: string;
  owner_id: string;
  owner_name: string;
  due_date: string;
  done_at: Date | null;
}): CorrectiveAction {
  return {
    id: a.id,
    description: a.description,
    ownerId: a.owner_id,
    ownerName: a.owner_name,
    dueDate: a.due_date,
    doneAt: a.done_at?.toISOString() ?? null,
    overdue: a.done_at === null && a.due_date < today(),
  };
}

export const presentVerification = (v: {
  id: string;
  result: string;
  notes: string;
  verified_by: string;
  verifier_name: string;
  verified_at: Date;
}): Verification => ({
  id: v.id,
  result: v.result as VerificationResult,
  notes: v.notes,
  verifiedById: v.verified_by,
  verifiedByName: v.verifier_name,
  verifiedAt: v.verified_at.toISOString(),
});
