import type { Certification, FaqEntry, Subprocessor } from '../../../contracts/trust-center.js';
import { type FaqEntryRow, needsReview } from './faq.repository.js';
import { type ClaimGate, claimProblems } from './faq-claims.js';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** An entry with its review state, its claims judged against the claims as they stand (`gate`). */
export function presentFaqEntry(row: FaqEntryRow, gate: ClaimGate): FaqEntry {
  const claimReasons = claimProblems(row.claim_keys, gate);
  const reasons = [row.review_reason, ...claimReasons].filter((r): r is string => r !== null);
  return {
    id: row.id,
    sectionId: row.section_id,
    sectionTitle: row.section_title,
    language: row.language,
    question: row.question,
    answer: row.answer,
    position: row.position,
    published: row.published,
    controls: row.controls,
    evidence: row.evidence,
    claimKeys: row.claim_keys,
    reviewReason: reasons.length ? reasons.join('; ') : null,
    needsReview: needsReview(row) || claimReasons.length > 0,
    confirmedAt: iso(row.confirmed_at),
    confirmedNote: row.confirmed_note,
    lastEditedByName: row.last_edited_by_name,
    publishedByName: row.published_by_name,
    publishedAt: iso(row.published_at),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export interface CertificationRow {
  id: string;
  name: string;
  framework_id: string | null;
  framework_name: string | null;
  status: string;
  target_quarter: string | null;
  issuer: string;
  issued_on: string | null;
  expires_on: string | null;
  position: number;
  certificate_document_id: string | null;
  certificate_title: string | null;
  certificate_published: boolean | null;
  certificate_sha256: string | null;
  updated_at: Date;
}

export function presentCertification(row: CertificationRow): Certification {
  return {
    id: row.id,
    name: row.name,
    frameworkId: row.framework_id,
    frameworkName: row.framework_name,
    status: row.status as Certification['status'],
    targetQuarter: row.target_quarter,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    position: row.position,
    certificateDocument: row.certificate_document_id
      ? {
          id: row.certificate_document_id,
          title: row.certificate_title ?? '',
          published: row.certificate_published ?? false,
          sha256: row.certificate_sha256,
        }
      : null,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export interface SubprocessorRow {
  id: string;
  name: string;
  purpose: string;
  country: string;
  transfer_mechanism: string;
  status: string;
  effective_on: string | null;
  updated_at: Date;
}

export function presentSubprocessor(row: SubprocessorRow): Subprocessor {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    country: row.country,
    transferMechanism: row.transfer_mechanism as Subprocessor['transferMechanism'],
    status: row.status as Subprocessor['status'],
    effectiveOn: row.effective_on,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export { iso };
