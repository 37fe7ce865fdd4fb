import type { AvailabilityRow, SlaSettings } from '../../../contracts/availability.js';
import {
  type CreditTier,
  monthBounds,
  monthlyAvailability,
  type OutageWindow,
} from '../../../formats/availability.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { getIncidentSettings } from './incident-settings.service.js';
import { assertIdsExist } from './incidents.repository.js';
import { type OutageRow, outagesBetween } from './outages.repository.js';

export const defaultCreditTable: readonly CreditTier[] = [
  { below: 99.9, credit: 10 },
  { below: 99, credit: 25 },
  { below: 95, credit: 50 },
];

export async function getSlaSettings(ctx: ServiceContext): Promise<SlaSettings> {
  const row = await ctx.db
    .selectFrom('incident_settings')
    .select(['sla_target', 'service_targets', 'credit_table'])
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  if (!row) return { target: 99.9, serviceTargets: {}, creditTable: [...defaultCreditTable] };
  return {
    target: Number(row.sla_target),
    serviceTargets: row.service_targets,
    creditTable: row.credit_table.length > 0 ? row.credit_table : [...defaultCreditTable],
  };
}

export async function putSlaSettings(ctx: ServiceContext, input: SlaSettings): Promise<SlaSettings> {
  return inTransaction(ctx, async (tx) => {
    await assertIdsExist(tx, 'serviceIds', Object.keys(input.serviceTargets));
    const before = await getSlaSettings(tx);
    const where = await getIncidentSettings(tx);
    const values = {
      sla_target: String(input.target),
      service_targets: JSON.stringify(input.serviceTargets),
      credit_table: JSON.stringify([...input.creditTable].sort((a, b) => b.below - a.below)),
    };
    await tx.db
      .insertInto('incident_settings')
      .values({
        organization_id: tx.organizationId,
        main_establishment: where.mainEstablishment,
        registered_in: where.registeredIn,
        time_zone: where.timeZone,
        ...values,
      })
      .onConflict((oc) => oc.column('organization_id').doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
    const after = await getSlaSettings(tx);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['target', 'serviceTargets', 'creditTable'] as const)
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
        changes[key] = { from: before[key], to: after[key] };
    await recordAuditEvent(
      tx,
      'incident-settings.updated',
      { type: 'organization', id: tx.organizationId },
      { changes },
    );
    return after;
  });
}

const windowOf = (o: OutageRow): OutageWindow => ({
  start: o.started_at.getTime(),
  end: (o.ended_at ?? new Date(8.64e15)).getTime(),
  impact: o.impact,
  excluded: Boolean(o.excluded),
});

/** Monthly availability per service and location for each month, computed from the outage records. */
export async function availabilityFor(
  ctx: ServiceContext,
  months: readonly string[],
  now = new Date(),
): Promise<AvailabilityRow[]> {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  const [services, locations, settings, outages] = await Promise.all([
    ctx.db
      .selectFrom('services')
      .select(['id', 'name'])
      .where('organization_id', '=', ctx.organizationId)
      .orderBy('name')
      .execute(),
    ctx.db
      .selectFrom('locations')
      .select(['id', 'code'])
      .where('organization_id', '=', ctx.organizationId)
      .orderBy('code')
      .execute(),
    getSlaSettings(ctx),
    outagesBetween(ctx, new Date(monthBounds(first).start), new Date(monthBounds(last).end)),
  ]);
  const rows: AvailabilityRow[] = [];
  for (const service of services) {
    const target = settings.serviceTargets[service.id] ?? settings.target;
    const ofService = outages.filter((o) => o.service_ids.includes(service.id));
    for (const location of locations) {
      const here = ofService
        .filter((o) => o.location_ids.length === 0 || o.location_ids.includes(location.id))
        .map(windowOf);
      for (const month of months) {
        const m = monthlyAvailability(here, month, target, settings.creditTable, now.getTime());
        rows.push({
          serviceId: service.id,
          service: service.name,
          locationId: location.id,
          location: location.code,
          month,
          minutes: m.minutes,
          downMinutes: m.downMinutes,
          partialMinutes: m.partialMinutes,
          excludedMinutes: m.excludedMinutes,
          availability: m.availability,
          target,
          met: m.met,
          credit: m.credit,
        });
      }
    }
  }
  return rows;
}

/**
 * Whether availability was measured at all between `from` and `to`: a monitoring import or an outage record in
 * that time. Without either, 100 % would be an absence of data, not a measurement.
 */
export async function availabilityMeasured(ctx: ServiceContext, from: Date, to: Date): Promise<boolean> {
  const [imported, outage] = await Promise.all([
    ctx.db
      .selectFrom('monitoring_imports')
      .select('id')
      .where('organization_id', '=', ctx.organizationId)
      .where('imported_at', '<', to)
      .limit(1)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('outages')
      .select('id')
      .where('organization_id', '=', ctx.organizationId)
      .where('started_at', '<', to)
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', from)]))
      .limit(1)
      .executeTakeFirst(),
  ]);
  return Boolean(imported || outage);
}
