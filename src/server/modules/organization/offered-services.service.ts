import type { z } from 'zod';
import type { Service, serviceInputSchema, servicePatchSchema } from '../../../contracts/organization.js';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { changesBetween } from '../../kernel/audit/changes.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { presentService } from './organization.presenter.js';

type ServiceInput = z.output<typeof serviceInputSchema>;
type ServicePatch = z.output<typeof servicePatchSchema>;

const duplicateName = (name: string | undefined) => conflict(`A service named ${name} already exists`);

export function listServices(ctx: ServiceContext, page: PageQuery): Promise<Page<Service>> {
  const query = ctx.db.selectFrom('services').selectAll().where('organization_id', '=', ctx.organizationId);
  return paged(query, (q) => q.orderBy('name').orderBy('id'), page, presentService);
}

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
      const row = await tx.db
        .insertInto('services')
        .values({ organization_id: tx.organizationId, ...input })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAuditEvent(tx, 'service.created', { type: 'service', id: row.id }, { name: row.name });
      return presentService(row);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateName(input.name) : err;
  }
}

export async function updateService(ctx: ServiceContext, id: string, patch: ServicePatch): Promise<Service> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const before = await findService(tx, id);
      const changes = changesBetween(before, patch);
      if (Object.keys(changes).length === 0) return presentService(before);
      const row = await tx.db
        .updateTable('services')
        .set({ ...patch, updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAuditEvent(tx, 'service.updated', { type: 'service', id }, { name: row.name, changes });
      return presentService(row);
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
