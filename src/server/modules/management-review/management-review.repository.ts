import { z } from 'zod';
import { type ReviewReport, reviewReportSchema } from '../../../contracts/management-review.js';
import { wholeProgrammeVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';

const attendeeIdsSchema = z.array(z.uuid());

export function reviewQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('management_reviews')
    .select([
      'id',
      'title',
      'period_from',
      'period_to',
      'meeting_date',
      'status',
      'assembled_at',
      'closed_at',
      'attendee_ids',
      'report',
      'created_at',
    ])
    .where('organization_id', '=', ctx.organizationId)
    .where(wholeProgrammeVisible(ctx.actor));
}

export type ReviewRow = NonNullable<Awaited<ReturnType<ReturnType<typeof reviewQuery>['executeTakeFirst']>>>;

export const attendeeIdsOf = (row: ReviewRow): string[] => attendeeIdsSchema.parse(row.attendee_ids);

/** Stored reports are validated when read, so a damaged snapshot is reported rather than shown. */
export function reportOf(row: ReviewRow): ReviewReport | null {
  if (row.report === null) return null;
  const parsed = reviewReportSchema.safeParse(row.report);
  if (!parsed.success) {
    throw new AppError('INTERNAL', `The stored report of review "${row.title}" does not match its schema`);
  }
  return parsed.data;
}

export async function userNames(ctx: ServiceContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('organization_id', '=', ctx.organizationId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function actionQuery(ctx: ServiceContext, reviewId: string) {
  return ctx.db
    .selectFrom('management_review_actions as a')
    .leftJoin('users as u', 'u.id', 'a.owner_id')
    .select(['a.id', 'a.text', 'a.owner_id', 'u.name as owner_name', 'a.due_date', 'a.created_at'])
    .where('a.organization_id', '=', ctx.organizationId)
    .where('a.review_id', '=', reviewId)
    .orderBy('a.created_at')
    .orderBy('a.id');
}

/** The latest other assembled review that ended before this one (or on the same day but was planned earlier). */
export function previousReview(ctx: ServiceContext, review: ReviewRow) {
  return reviewQuery(ctx)
    .where('id', '<>', review.id)
    .where('report', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('period_to', '<', review.period_to),
        eb.and([eb('period_to', '=', review.period_to), eb('created_at', '<', review.created_at)]),
      ]),
    )
    .orderBy('period_to', 'desc')
    .orderBy('assembled_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
