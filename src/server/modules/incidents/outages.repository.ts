import { type SqlBool, sql } from 'kysely';
import type { ServiceContext } from '../../kernel/context.js';

/** Announced in advance (maintenance) or caused by the customer: not counted against the SLA. */
export const excludedSql = sql<boolean>`((o.planned AND o.announced_at IS NOT NULL AND o.announced_at <= o.started_at) OR o.customer_caused)`;

export function outageQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('outages as o')
    .selectAll('o')
    .select(excludedSql.as('excluded'))
    .where('o.organization_id', '=', ctx.organizationId);
}

export type OutageRow = NonNullable<Awaited<ReturnType<ReturnType<typeof outageQuery>['executeTakeFirst']>>>;

/**
 * Outages of the same service at the same location (no locations = all) whose windows overlap the given one;
 * an open outage lasts until further notice.
 */
export function overlappingOutages(
  ctx: ServiceContext,
  w: { serviceIds: string[]; locationIds: string[]; start: Date; end: Date | null },
) {
  const end = w.end ?? new Date('9999-12-31T00:00:00Z');
  return ctx.db
    .selectFrom('outages as o')
    .select(['o.id', 'o.title', 'o.started_at'])
    .where('o.organization_id', '=', ctx.organizationId)
    .where(sql<SqlBool>`o.service_ids && ${sql.val(w.serviceIds)}::uuid[]`)
    .where(
      sql<SqlBool>`(cardinality(o.location_ids) = 0 OR ${w.locationIds.length === 0}
        OR o.location_ids && ${sql.val(w.locationIds)}::uuid[])`,
    )
    .where(sql<SqlBool>`tstzrange(o.started_at, coalesce(o.ended_at, 'infinity'::timestamptz)) &&
      tstzrange(${w.start}::timestamptz, ${end}::timestamptz)`)
    .execute();
}

/** Every outage that touches [from, to), for the availability of those months. */
export function outagesBetween(ctx: ServiceContext, from: Date, to: Date) {
  return outageQuery(ctx)
    .where('o.started_at', '<', to)
    .where((eb) => eb.or([eb('o.ended_at', 'is', null), eb('o.ended_at', '>', from)]))
    .execute();
}
