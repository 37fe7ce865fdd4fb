import { type ReviewReport, reviewReportSchema } from '../../../contracts/management-review.js';
import type { ServiceContext } from '../../kernel/context.js';
import { reviewIncidentFigures } from '../incidents/index.js';
import {
  actionQuery,
  attendeeIdsOf,
  type ReviewRow,
  reportOf,
  userNames,
} from './management-review.repository.js';
import { auditSection, nonconformitySection } from './report-assurance.js';
import { checkSection, objectiveSection, policySection } from './report-operations.js';
import { periodOf } from './report-period.js';
import { riskSection } from './report-risks.js';

async function organizationName(ctx: ServiceContext): Promise<string> {
  const row = await ctx.db
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', ctx.organizationId)
    .executeTakeFirstOrThrow();
  return row.name;
}

/** Builds the report from the programme's data as it is now; the caller stores it as the snapshot. */
export async function assembleReport(
  ctx: ServiceContext,
  review: ReviewRow,
  previous: ReviewRow | undefined,
  now = new Date(),
): Promise<ReviewReport> {
  const p = periodOf(review.period_from, review.period_to, now);
  const attendeeIds = attendeeIdsOf(review);
  const [
    name,
    names,
    previousActions,
    audits,
    nonconformities,
    risks,
    objectives,
    checks,
    policies,
    incidents,
  ] = await Promise.all([
    organizationName(ctx),
    userNames(ctx, attendeeIds),
    previous ? actionQuery(ctx, previous.id).execute() : Promise.resolve([]),
    auditSection(ctx, p),
    nonconformitySection(ctx, p),
    riskSection(ctx, p),
    objectiveSection(ctx),
    checkSection(ctx),
    policySection(ctx, p),
    reviewIncidentFigures(
      ctx,
      { from: new Date(`${p.from}T00:00:00Z`), endExclusive: new Date(p.endExclusive) },
      now,
    ),
  ]);
  const previousReport = previous ? reportOf(previous) : null;
  return reviewReportSchema.parse({
    version: 1,
    assembledAt: now.toISOString(),
    organizationName: name,
    review: {
      title: review.title,
      periodFrom: review.period_from,
      periodTo: review.period_to,
      meetingDate: review.meeting_date,
      attendees: attendeeIds.map((id) => names.get(id) ?? id),
    },
    previousActions: {
      previousReview: previous?.title ?? null,
      items: previousActions.map((a) => ({
        text: a.text,
        ownerName: a.owner_name,
        dueDate: a.due_date,
        overdue: a.due_date !== null && a.due_date < p.today,
      })),
    },
    audits,
    nonconformities,
    risks: {
      ...risks,
      trend:
        previous && previousReport
          ? {
              previousReview: previous.title,
              previousResidualByLevel: previousReport.risks.residualByLevel,
              previousTotal: previousReport.risks.total,
            }
          : null,
    },
    objectives,
    checks,
    policies,
    incidents,
  } satisfies ReviewReport);
}
