import type { Kysely } from 'kysely';
import type { Service } from '../../../contracts/organization.js';
import type { ServiceContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors/app-error.js';

export type Placement = Pick<Service, 'locations' | 'drPairings'>;

/** The locations and DR pairings of the given services, in one query each. */
export async function placementsOf(
  db: Kysely<Database>,
  organizationId: string,
  serviceIds: string[],
): Promise<Map<string, Placement>> {
  const result = new Map<string, Placement>(serviceIds.map((id) => [id, { locations: [], drPairings: [] }]));
  if (serviceIds.length === 0) return result;
  const [locations, pairings] = await Promise.all([
    db
      .selectFrom('service_locations as sl')
      .innerJoin('locations as l', 'l.id', 'sl.location_id')
      .select(['sl.service_id', 'sl.location_id', 'sl.stores_data'])
      .where('sl.organization_id', '=', organizationId)
      .where('sl.service_id', 'in', serviceIds)
      .orderBy('l.code')
      .execute(),
    db
      .selectFrom('service_dr_pairings as p')
      .innerJoin('locations as a', 'a.id', 'p.primary_location_id')
      .innerJoin('locations as b', 'b.id', 'p.dr_location_id')
      .select(['p.service_id', 'p.primary_location_id', 'p.dr_location_id'])
      .where('p.organization_id', '=', organizationId)
      .where('p.service_id', 'in', serviceIds)
      .orderBy('a.code')
      .orderBy('b.code')
      .execute(),
  ]);
  for (const r of locations)
    result.get(r.service_id)?.locations.push({ locationId: r.location_id, storesData: r.stores_data });
  for (const r of pairings)
    result
      .get(r.service_id)
      ?.drPairings.push({ primaryLocationId: r.primary_location_id, drLocationId: r.dr_location_id });
  return result;
}

/**
 * Checks a placement against the organisation's locations (every location its own, a pairing between two of the
 * service's locations) and replaces the service's set; the caller holds the transaction and writes the audit event.
 */
export async function replacePlacement(
  ctx: ServiceContext,
  serviceId: string,
  placement: Partial<Placement>,
): Promise<void> {
  const current = (await placementsOf(ctx.db, ctx.organizationId, [serviceId])).get(serviceId);
  const locations = placement.locations ?? current?.locations ?? [];
  const drPairings = placement.drPairings ?? current?.drPairings ?? [];
  const ids = [...new Set(locations.map((l) => l.locationId))];
  if (ids.length !== locations.length)
    throw new AppError('VALIDATION_FAILED', 'locations: a location is listed twice');
  const own = ids.length
    ? await ctx.db
        .selectFrom('locations')
        .select('id')
        .where('organization_id', '=', ctx.organizationId)
        .where('id', 'in', ids)
        .execute()
    : [];
  const known = new Set(own.map((r) => r.id));
  for (const [i, l] of locations.entries()) {
    if (!known.has(l.locationId))
      throw new AppError('VALIDATION_FAILED', `locations[${i}].locationId: no location ${l.locationId}`);
  }
  for (const [i, p] of drPairings.entries()) {
    if (
      !known.has(p.primaryLocationId) ||
      !known.has(p.drLocationId) ||
      p.primaryLocationId === p.drLocationId
    )
      throw new AppError(
        'VALIDATION_FAILED',
        `drPairings[${i}]: a DR pairing joins two different locations the service runs in`,
      );
  }
  await ctx.db.deleteFrom('service_dr_pairings').where('service_id', '=', serviceId).execute();
  await ctx.db.deleteFrom('service_locations').where('service_id', '=', serviceId).execute();
  if (locations.length > 0)
    await ctx.db
      .insertInto('service_locations')
      .values(
        locations.map((l) => ({
          organization_id: ctx.organizationId,
          service_id: serviceId,
          location_id: l.locationId,
          stores_data: l.storesData,
        })),
      )
      .execute();
  const pairs = [...new Map(drPairings.map((p) => [`${p.primaryLocationId}/${p.drLocationId}`, p])).values()];
  if (pairs.length > 0)
    await ctx.db
      .insertInto('service_dr_pairings')
      .values(
        pairs.map((p) => ({
          organization_id: ctx.organizationId,
          service_id: serviceId,
          primary_location_id: p.primaryLocationId,
          dr_location_id: p.drLocationId,
        })),
      )
      .execute();
}
