import type {
  PolicySummary,
  PolicyVersion,
  PolicyVersionSummary,
  VersionStatus,
} from '../../../contracts/policies.js';
import { renderPolicyMarkdown } from '../../../formats/policy-markdown.js';
import type { PolicyListRow, VersionRow } from './policies.repository.js';
import { isoDay } from './policy-dates.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentPolicySummary = (r: PolicyListRow): PolicySummary => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  classification: r.classification,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  reviewIntervalMonths: Number(r.review_interval_months),
  nextReviewOn: r.next_review_at ? isoDay(r.next_review_at) : null,
  overdue: Boolean(r.overdue),
  publishedNumber: r.published_number === null ? null : Number(r.published_number),
  openNumber: r.open_number === null ? null : Number(r.open_number),
  openStatus: r.open_status as VersionStatus | null,
  updatedAt: r.updated_at.toISOString(),
});

export const presentVersionSummary = (v: VersionRow): PolicyVersionSummary => ({
  id: v.id,
  number: Number(v.number),
  status: v.status,
  changeSummary: v.change_summary,
  authorId: v.author_id,
  authorName: v.author_name,
  approverId: v.approver_id,
  approverName: v.approver_name,
  approvedAt: iso(v.approved_at),
  publishedAt: iso(v.published_at),
  createdAt: v.created_at.toISOString(),
});

export const presentVersion = (v: VersionRow): PolicyVersion => ({
  ...presentVersionSummary(v),
  body: v.body,
  bodyHtml: renderPolicyMarkdown(v.body),
});
