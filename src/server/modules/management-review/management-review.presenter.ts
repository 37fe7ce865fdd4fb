import type { ReviewAction, ReviewSummary } from '../../../contracts/management-review.js';
import type { ReviewRow } from './management-review.repository.js';

export const presentReviewSummary = (r: Omit<ReviewRow, 'report' | 'attendee_ids'>): ReviewSummary => ({
  id: r.id,
  title: r.title,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  meetingDate: r.meeting_date,
  status: r.status,
  assembledAt: r.assembled_at?.toISOString() ?? null,
  closedAt: r.closed_at?.toISOString() ?? null,
});

export const presentAction = (a: {
  id: string;
  text: string;
  owner_id: string | null;
  owner_name: string | null;
  due_date: string | null;
  created_at: Date;
}): ReviewAction => ({
  id: a.id,
  text: a.text,
  ownerId: a.owner_id,
  ownerName: a.owner_name,
  dueDate: a.due_date,
  createdAt: a.created_at.toISOString(),
});
