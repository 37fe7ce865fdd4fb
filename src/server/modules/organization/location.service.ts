import type { z } from 'zod';
import type { Location, locationInputSchema, locationPatchSchema } from '../../../contracts/organization.js';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { changesBetween } from '../../kernel/audit/changes.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { presentLocation } from './organization.presenter.js';

type LocationInput = z.output<typeof locationInputSchema>;
type LocationPatch = z.output<typeof locationPatchSchema>;

const duplicateCode = (code: string | undefined) => conflict(`A location with code ${code} already exists`);

export function listLocations(ctx: ServiceContext, page: PageQuery): Promise<Page<Location>> {
  const query = ctx.db.selectFrom('locations').selectAll().where('organization_id', '=', ctx.organizationId);
  return paged(query, (q) => q.orderBy('code').orderBy('id'), page, presentLocation);
}

async function findLocation(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('locations')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Location ${id}`);
  return row;
}

export async function createLocation(ctx: ServiceContext, input: LocationInput): Promise<Location> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await tx.db
        .insertInto('locations')
        .values({ organization_id: tx.organizationId, ...input })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAuditEvent(tx, 'location.created', { type: 'location', id: row.id }, input);
      return presentLocation(row);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateCode(input.code) : err;
  }
}

export async function updateLocation(
  ctx: ServiceContext,
  id: string,
  patch: LocationPatch,
): Promise<Location> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const before = await findLocation(tx, id);
      const changes = changesBetween(before, patch);
      if (Object.keys(changes).length === 0) return presentLocation(before);
      const row = await tx.db
        .updateTable('locations')
        .set({ ...patch, updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAuditEvent(tx, 'location.updated', { type: 'location', id }, { code: row.code, changes });
      return presentLocation(row);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateCode(patch.code) : err;
  }
}

export async function deleteLocation(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await findLocation(tx, id);
    const used = await tx.db
      .selectFrom('service_locations as sl')
      .innerJoin('services as s', 's.id', 'sl.service_id')
      .select('s.name')
      .where('sl.location_id', '=', id)
      .orderBy('s.name')
      .execute();
    if (used.length > 0) {
      throw conflict(
        `The location ${before.code} is used by the service(s) ${used.map((u) => u.name).join(', ')}; remove it from them first`,
      );
    }
    await tx.db.deleteFrom('locations').where('id', '=', id).execute();
    await recordAuditEvent(
      tx,
      'location.deleted',
      { type: 'location', id },
      { code: before.code, name: before.name },
    );
  });
}
