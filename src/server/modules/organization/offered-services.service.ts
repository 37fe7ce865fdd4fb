import type { z } from 'zod';
import type { Service, serviceInputSchema, servicePatchSchema } from '../../../contracts/organization.js';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { changesBetween } from '../../kernel/audit/changes.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import type { ServiceRow } from '../../kernel/db/schema.js';
import { conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { presentService } from './organization.presenter.js';
import { type Placement, placementsOf, replacePlacement } from './service-placement.repository.js';

type ServiceInput = z.output<typeof serviceInputSchema>;
type ServicePatch = z.output<typeof servicePatchSchema>;

const duplicateName = (name: string | undefined) => conflict(`A service named ${name} already exists`);

export async function listServices(ctx: ServiceContext, page: PageQuery): Promise<Page<Service>> {
  const query = ctx.db.selectFrom('services').selectAll().where('organization_id', '=', ctx.organizationId);
  const rows = await paged(
    query,
    (q) => q.orderBy('name').orderBy('id'),
    page,
    (r) => r,
  );
  const placements = await placementsOf(
    ctx.db,
    ctx.organizationId,
    rows.items.map((r) => r.id),
  );
  return { ...rows, items: rows.items.map((r) => presentService(r, placements.get(r.id))) };
}

async function presentWithPlacement(ctx: ServiceContext, row: ServiceRow): Promise<Service> {
  return presentService(row, (await placementsOf(ctx.db, ctx.organizationId, [row.id])).get(row.id));
}

const placementOf = (p: Partial<Placement>) =>
  p.locations || p.drPairings ? { locations: p.locations, drPairings: p.drPairings } : undefined;

async function findService(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('services')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Service ${id}`);
  return row;
}

export async function createService(ctx: ServiceContext, input: ServiceInput): Promise<Service> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const { locations, drPairings, ...fields } = input;
      const row = await tx.db
        .insertInto('services')
        .values({ organization_id: tx.organizationId, ...fields })
        .returningAll()
        .executeTakeFirstOrThrow();
      await replacePlacement(tx, row.id, { locations, drPairings });
      await recordAuditEvent(
        tx,
        'service.created',
        { type: 'service', id: row.id },
        { name: row.name, placement: { locations, drPairings } },
      );
      return presentWithPlacement(tx, row);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateName(input.name) : err;
  }
}

export async function updateService(ctx: ServiceContext, id: string, patch: ServicePatch): Promise<Service> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const before = await findService(tx, id);
      const { locations, drPairings, ...fields } = patch;
      const placement = placementOf({ locations, drPairings });
      const changes: Record<string, { from: unknown; to: unknown }> = changesBetween(before, fields);
      if (placement) {
        const old = (await placementsOf(tx.db, tx.organizationId, [id])).get(id);
        await replacePlacement(tx, id, placement);
        const now = (await placementsOf(tx.db, tx.organizationId, [id])).get(id);
        if (JSON.stringify(old) !== JSON.stringify(now)) changes.placement = { from: old, to: now };
      }
      if (Object.keys(changes).length === 0) return presentWithPlacement(tx, before);
      const row = await tx.db
        .updateTable('services')
        .set({ ...fields, updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAuditEvent(tx, 'service.updated', { type: 'service', id }, { name: row.name, changes });
      return presentWithPlacement(tx, row);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateName(patch.name) : err;
  }
}

export async function deleteService(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await findService(tx, id);
    const controls = await tx.db
      .selectFrom('controls')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('service_id', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(controls.n) > 0) {
      throw conflict(
        `The service ${before.name} still has ${controls.n} control(s); move them to the baseline or another service first`,
      );
    }
    await tx.db.deleteFrom('services').where('id', '=', id).execute();
    await recordAuditEvent(tx, 'service.deleted', { type: 'service', id }, { name: before.name });
  });
}
