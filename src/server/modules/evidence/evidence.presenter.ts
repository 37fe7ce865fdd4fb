import type { ControlRef, Evidence, EvidenceDetail } from '../../../contracts/evidence.js';
import {
  checkOutcomeSchema,
  checkTriggerSchema,
  evidenceItemStateSchema,
  evidenceKindSchema,
} from '../../../contracts/evidence.js';
import type { EvidenceQueryRow } from './evidence.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? 'Removed user' } : null);

function presentCheck(r: EvidenceQueryRow): Evidence['check'] {
  if (!r.check_id || !r.check_outcome || !r.check_trigger) return null;
  return {
    id: r.check_id,
    name: r.check_name,
    outcome: checkOutcomeSchema.parse(r.check_outcome),
    trigger: checkTriggerSchema.parse(r.check_trigger),
  };
}

export function presentEvidence(r: EvidenceQueryRow, controls: ControlRef[]): Evidence {
  return {
    id: r.id,
    kind: evidenceKindSchema.parse(r.kind),
    title: r.title,
    description: r.description,
    url: r.url,
    file:
      r.file_sha256 !== null
        ? {
            sha256: r.file_sha256,
            name: r.file_name ?? 'file',
            size: Number(r.file_size ?? 0),
            contentType: r.file_content_type ?? 'application/octet-stream',
          }
        : null,
    check: presentCheck(r),
    validFrom: r.valid_from.toISOString(),
    expiresAt: iso(r.expires_at),
    state: evidenceItemStateSchema.parse(r.state),
    reviewer: person(r.reviewer_id, r.reviewer_name),
    reviewedAt: iso(r.reviewed_at),
    createdBy: person(r.created_by, r.created_by_name),
    createdAt: r.created_at.toISOString(),
    controls,
  };
}

export function presentEvidenceDetail(r: EvidenceQueryRow, controls: ControlRef[]): EvidenceDetail {
  return { ...presentEvidence(r, controls), checkDetails: r.check_details ?? null };
}
