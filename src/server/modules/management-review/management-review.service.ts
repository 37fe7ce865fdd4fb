import type { z } from 'zod';
import type {
  ReviewDetail,
  ReviewSummary,
  reviewActionInputSchema,
  reviewInputSchema,
} from '../../../contracts/management-review.js';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { assertActiveUser } from '../assets/index.js';
import { presentAction, presentReviewSummary } from './management-review.presenter.js';
import {
  actionQuery,
  attendeeIdsOf,
  previousReview,
  type ReviewRow,
  reportOf,
  reviewQuery,
  userNames,
} from './management-review.repository.js';
import { assembleReport } from './report-assembler.js';

type ReviewInput = z.output<typeof reviewInputSchema>;
type ActionInput = z.output<typeof reviewActionInputSchema>;

export function listReviews(ctx: ServiceContext, query: PageQuery): Promise<Page<ReviewSummary>> {
  return paged(
    reviewQuery(ctx),
    (q) => q.orderBy('period_to', 'desc').orderBy('id'),
    query,
    presentReviewSummary,
  );
}

async function findReview(ctx: ServiceContext, id: string, lock = false): Promise<ReviewRow> {
  const q = reviewQuery(ctx).where('id', '=', id);
  const row = await (lock ? q.forUpdate() : q).executeTakeFirst();
  if (!row) throw notFound(`Management review ${id}`);
  return row;
}

export async function getReview(ctx: ServiceContext, id: string): Promise<ReviewDetail> {
  const row = await findReview(ctx, id);
  const attendeeIds = attendeeIdsOf(row);
  const [names, actions] = await Promise.all([userNames(ctx, attendeeIds), actionQuery(ctx, id).execute()]);
  return {
    ...presentReviewSummary(row),
    attendees: attendeeIds.map((a) => ({ id: a, name: names.get(a) ?? a })),
    report: reportOf(row),
    actions: actions.map(presentAction),
  };
}

export async function createReview(ctx: ServiceContext, input: ReviewInput): Promise<ReviewDetail> {
  const attendeeIds = [...new Set(input.attendeeIds)];
  return inTransaction(ctx, async (tx) => {
    for (const [i, id] of attendeeIds.entries())
      await assertActiveUser(tx, `attendeeIds.${i}`, id, 'attendee');
    const row = await tx.db
      .insertInto('management_reviews')
      .values({
        organization_id: tx.organizationId,
        title: input.title,
        period_from: input.periodFrom,
        period_to: input.periodTo,
        meeting_date: input.meetingDate,
        attendee_ids: JSON.stringify(attendeeIds),
        created_by: tx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(
      tx,
      'management-review.created',
      { type: 'management-review', id: row.id },
      {
        title: input.title,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        meetingDate: input.meetingDate,
        attendees: attendeeIds.length,
      },
    );
    return getReview(tx, row.id);
  });
}

const assertOpen = (review: ReviewRow) => {
  if (review.status === 'closed')
    throw conflict(`The review "${review.title}" is closed and can no longer change`);
};

/** Assembles the report now and stores it as the review's snapshot (again, until the review is closed). */
export async function assembleReview(ctx: ServiceContext, id: string): Promise<ReviewDetail> {
  return inTransaction(ctx, async (tx) => {
    const review = await findReview(tx, id, true);
    assertOpen(review);
    const previous = await previousReview(tx, review);
    const report = await assembleReport(tx, review, previous);
    const now = new Date();
    await tx.db
      .updateTable('management_reviews')
      .set({ report: JSON.stringify(report), status: 'assembled', assembled_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'management-review.assembled',
      { type: 'management-review', id },
      { title: review.title, previous: previous?.title ?? null },
    );
    return getReview(tx, id);
  });
}

export async function addReviewAction(
  ctx: ServiceContext,
  id: string,
  input: ActionInput,
): Promise<ReviewDetail> {
  return inTransaction(ctx, async (tx) => {
    const review = await findReview(tx, id, true);
    assertOpen(review);
    await assertActiveUser(tx, 'ownerId', input.ownerId);
    await tx.db
      .insertInto('management_review_actions')
      .values({
        organization_id: tx.organizationId,
        review_id: id,
        text: input.text,
        owner_id: input.ownerId,
        due_date: input.dueDate,
        created_by: tx.actor.userId,
      })
      .execute();
    await recordAuditEvent(
      tx,
      'management-review.action-recorded',
      { type: 'management-review', id },
      { title: review.title, text: input.text, ownerId: input.ownerId, dueDate: input.dueDate },
    );
    return getReview(tx, id);
  });
}

export async function closeReview(ctx: ServiceContext, id: string): Promise<ReviewDetail> {
  return inTransaction(ctx, async (tx) => {
    const review = await findReview(tx, id, true);
    assertOpen(review);
    if (review.status !== 'assembled') {
      throw new AppError(
        'VALIDATION_FAILED',
        `Assemble the report of "${review.title}" before closing the review`,
      );
    }
    const actions = await actionQuery(tx, id).execute();
    const now = new Date();
    await tx.db
      .updateTable('management_reviews')
      .set({ status: 'closed', closed_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'management-review.closed',
      { type: 'management-review', id },
      { title: review.title, actions: actions.length },
    );
    return getReview(tx, id);
  });
}
