import type { ReviewIncidents } from '../../../contracts/management-review.js';
import { monthBounds } from '../../../formats/availability.js';
import type { ServiceContext } from '../../kernel/context.js';
import { availabilityFor } from './availability.service.js';

/** At most two years of months are computed for one review; a longer period shows its last 24 months. */
const MAX_MONTHS = 24;

/** The calendar months a period touches, oldest first, up to the month before `now` (a month must be complete). */
function monthsOf(from: Date, endExclusive: Date, now: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor < endExclusive) {
    const month = cursor.toISOString().slice(0, 7);
    if (monthBounds(month).end <= now.getTime()) months.push(month);
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months.slice(-MAX_MONTHS);
}

const tally = (values: string[]) =>
  values.reduce<Record<string, number>>((acc, v) => {
    acc[v] = (acc[v] ?? 0) + 1;
    return acc;
  }, {});

/**
 * What the incident register says about a review period: incidents the organisation became aware of, the reports
 * due to authorities and data subjects and whether they went in on time, every report overdue now, and each
 * service's availability in the period's complete months against its target.
 */
export async function reviewIncidentFigures(
  ctx: ServiceContext,
  period: { from: Date; endExclusive: Date },
  now = new Date(),
): Promise<ReviewIncidents> {
  const org = ctx.organizationId;
  const months = monthsOf(period.from, period.endExclusive, now);
  const [incidents, due, overdue, availability] = await Promise.all([
    ctx.db
      .selectFrom('incidents')
      .select(['severity', 'category', 'significant', 'status'])
      .where('organization_id', '=', org)
      .where('aware_at', '>=', period.from)
      .where('aware_at', '<', period.endExclusive)
      .execute(),
    ctx.db
      .selectFrom('incident_reports')
      .select(['due_at', 'submitted_at'])
      .where('organization_id', '=', org)
      .where('due_at', '>=', period.from)
      .where('due_at', '<', period.endExclusive)
      .execute(),
    ctx.db
      .selectFrom('incident_reports as r')
      .innerJoin('incidents as i', 'i.id', 'r.incident_id')
      .select(['i.ref', 'i.title', 'r.type', 'r.due_at'])
      .where('r.organization_id', '=', org)
      .where('r.status', '=', 'draft')
      .where('r.due_at', '<', now)
      .orderBy('r.due_at')
      .limit(100)
      .execute(),
    months.length > 0 ? availabilityFor(ctx, months, now) : Promise.resolve([]),
  ]);
  const submitted = due.filter((r) => r.submitted_at !== null && r.due_at !== null);
  const onTime = submitted.filter((r) => new Date(r.submitted_at ?? 0) <= new Date(r.due_at ?? 0)).length;
  const lowest = availability.reduce<(typeof availability)[number] | null>(
    (min, x) => (!min || x.availability < min.availability ? x : min),
    null,
  );
  const place = (location: string | null) => location ?? 'every location';
  return {
    tracked: true,
    total: incidents.length,
    significant: incidents.filter((i) => i.significant === true).length,
    open: incidents.filter((i) => i.status !== 'closed').length,
    bySeverity: tally(incidents.map((i) => i.severity)),
    byCategory: tally(incidents.map((i) => i.category)),
    reports: {
      due: due.length,
      onTime,
      late: submitted.length - onTime,
      overdue: overdue.map((r) => ({
        ref: r.ref,
        title: r.title,
        type: r.type,
        dueAt: new Date(r.due_at ?? 0).toISOString(),
      })),
    },
    availability: {
      months,
      lowest: lowest
        ? {
            service: lowest.service,
            location: place(lowest.location),
            month: lowest.month,
            availability: lowest.availability,
          }
        : null,
      belowTarget: availability
        .filter((x) => !x.met)
        .map((x) => ({
          service: x.service,
          location: place(x.location),
          month: x.month,
          availability: x.availability,
          target: x.target,
        })),
    },
  };
}
