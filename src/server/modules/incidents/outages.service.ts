import { type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Outage, OutageSource, outageInputSchema } from '../../../contracts/availability.js';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { assertIdsExist } from './incidents.repository.js';
import { type OutageRow, outageQuery, overlappingOutages } from './outages.repository.js';

type OutageInput = z.output<typeof outageInputSchema>;

export function presentOutage(r: OutageRow): Outage {
  return {
    id: r.id,
    title: r.title,
    serviceIds: r.service_ids,
    locationIds: r.location_ids,
    startedAt: r.started_at.toISOString(),
    endedAt: r.ended_at?.toISOString() ?? null,
    impact: r.impact,
    planned: r.planned,
    announcedAt: r.announced_at?.toISOString() ?? null,
    customerCaused: r.customer_caused,
    incidentId: r.incident_id,
    source: r.source,
    excluded: Boolean(r.excluded),
  };
}

export function listOutages(
  ctx: ServiceContext,
  query: PageQuery & { serviceId?: string },
): Promise<Page<Outage>> {
  let q = outageQuery(ctx);
  if (query.serviceId) q = q.where(sql<SqlBool>`o.service_ids @> ARRAY[${query.serviceId}]::uuid[]`);
  return paged(q, (x) => x.orderBy('o.started_at', 'desc').orderBy('o.id'), query, presentOutage);
}

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** The checks every outage passes, by hand or imported: times in order, known services and locations, no overlap. */
export async function assertOutage(
  tx: ServiceContext,
  o: { serviceIds: string[]; locationIds: string[]; start: Date; end: Date | null; announcedAt: Date | null },
  path = '',
): Promise<void> {
  if (o.end && o.end <= o.start) throw invalid(`${path}endedAt`, 'endedAt must be after startedAt');
  if (o.announcedAt && o.announcedAt > o.start)
    throw invalid(`${path}announcedAt`, 'Maintenance is announced before it starts');
  await assertIdsExist(tx, 'serviceIds', o.serviceIds);
  await assertIdsExist(tx, 'locationIds', o.locationIds);
  const overlap = await overlappingOutages(tx, o);
  if (overlap[0])
    throw invalid(
      `${path}startedAt`,
      `Overlaps the outage “${overlap[0].title}” of ${overlap[0].started_at.toISOString()} for the same service and location`,
    );
}

export async function insertOutage(
  tx: ServiceContext,
  o: OutageInput & { source?: OutageSource; sourceKey?: string; importId?: string },
): Promise<string> {
  const row = await tx.db
    .insertInto('outages')
    .values({
      organization_id: tx.organizationId,
      incident_id: o.incidentId,
      title: o.title,
      service_ids: [...new Set(o.serviceIds)],
      location_ids: [...new Set(o.locationIds)],
      started_at: new Date(o.startedAt),
      ended_at: o.endedAt ? new Date(o.endedAt) : null,
      impact: o.impact,
      planned: o.planned,
      announced_at: o.announcedAt ? new Date(o.announcedAt) : null,
      customer_caused: o.customerCaused,
      source: o.source ?? 'manual',
      source_key: o.sourceKey ?? null,
      import_id: o.importId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function recordOutage(ctx: ServiceContext, input: OutageInput): Promise<Outage> {
  return inTransaction(ctx, async (tx) => {
    if (input.incidentId) {
      const incident = await tx.db
        .selectFrom('incidents')
        .select('id')
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', input.incidentId)
        .executeTakeFirst();
      if (!incident) throw invalid('incidentId', 'incidentId names an unknown incident');
    }
    await assertOutage(tx, {
      serviceIds: input.serviceIds,
      locationIds: input.locationIds,
      start: new Date(input.startedAt),
      end: input.endedAt ? new Date(input.endedAt) : null,
      announcedAt: input.announcedAt ? new Date(input.announcedAt) : null,
    });
    const id = await insertOutage(tx, input);
    await recordAuditEvent(
      tx,
      'outage.recorded',
      { type: 'outage', id },
      {
        title: input.title,
        startedAt: new Date(input.startedAt).toISOString(),
        endedAt: input.endedAt ? new Date(input.endedAt).toISOString() : null,
        impact: input.impact,
        source: 'manual',
      },
    );
    return presentOutage(await outageQuery(tx).where('o.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Ends an open outage. */
export async function endOutage(ctx: ServiceContext, id: string, endedAt: string): Promise<Outage> {
  return inTransaction(ctx, async (tx) => {
    const row = await outageQuery(tx).where('o.id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound(`Outage ${id}`);
    if (row.ended_at) throw conflict('This outage has ended already');
    const end = new Date(endedAt);
    if (end <= row.started_at) throw invalid('endedAt', 'endedAt must be after startedAt');
    await tx.db
      .updateTable('outages')
      .set({ ended_at: end })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'outage.ended',
      { type: 'outage', id },
      { title: row.title, endedAt: end.toISOString() },
    );
    return presentOutage(await outageQuery(tx).where('o.id', '=', id).executeTakeFirstOrThrow());
  });
}
