import type { z } from 'zod';
import type { Asset, AssetListQuery, assetInputSchema, assetPatchSchema } from '../../../contracts/assets.js';
import type { Page } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { changesBetween } from '../../kernel/audit/changes.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { presentAsset } from './assets.presenter.js';
import { assetListQuery, filteredAssets } from './assets.repository.js';
import { assertActiveUser, assertLocation, assertService } from './references.js';

type AssetInput = z.output<typeof assetInputSchema>;
type AssetPatch = z.output<typeof assetPatchSchema>;

const duplicateName = (name: string | undefined) => conflict(`An asset named ${name} already exists`);

export function listAssets(ctx: ServiceContext, query: AssetListQuery): Promise<Page<Asset>> {
  return paged(filteredAssets(ctx, query), (q) => q.orderBy('a.name').orderBy('a.id'), query, presentAsset);
}

export async function getAsset(ctx: ServiceContext, id: string): Promise<Asset> {
  const row = await assetListQuery(ctx).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Asset ${id}`);
  return presentAsset(row);
}

async function assertReferences(
  ctx: ServiceContext,
  refs: { ownerId?: string | null; locationId?: string | null; serviceId?: string | null },
): Promise<void> {
  if (refs.ownerId !== undefined) await assertActiveUser(ctx, 'ownerId', refs.ownerId);
  if (refs.locationId !== undefined) await assertLocation(ctx, refs.locationId);
  if (refs.serviceId !== undefined) await assertService(ctx, refs.serviceId);
}

async function findAsset(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('assets')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Asset ${id}`);
  return row;
}

export async function createAsset(ctx: ServiceContext, input: AssetInput): Promise<Asset> {
  try {
    return await inTransaction(ctx, async (tx) => {
      await assertReferences(tx, input);
      const row = await tx.db
        .insertInto('assets')
        .values({
          organization_id: tx.organizationId,
          name: input.name,
          description: input.description,
          type: input.type,
          classification: input.classification,
          owner_id: input.ownerId,
          location_id: input.locationId,
          service_id: input.serviceId,
        })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow();
      await recordAuditEvent(
        tx,
        'asset.created',
        { type: 'asset', id: row.id },
        { name: row.name, type: input.type, classification: input.classification, ownerId: input.ownerId },
      );
      return getAsset(tx, row.id);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateName(input.name) : err;
  }
}

export async function updateAsset(ctx: ServiceContext, id: string, patch: AssetPatch): Promise<Asset> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const before = await findAsset(tx, id);
      await assertReferences(tx, patch);
      const columns = {
        name: patch.name,
        description: patch.description,
        type: patch.type,
        classification: patch.classification,
        owner_id: patch.ownerId,
        location_id: patch.locationId,
        service_id: patch.serviceId,
      };
      const changes = changesBetween(before, columns);
      if (Object.keys(changes).length === 0) return getAsset(tx, id);
      await tx.db
        .updateTable('assets')
        .set({ ...columns, updated_at: new Date() })
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', id)
        .execute();
      await recordAuditEvent(tx, 'asset.updated', { type: 'asset', id }, { name: before.name, changes });
      return getAsset(tx, id);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateName(patch.name) : err;
  }
}

export async function deleteAsset(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await findAsset(tx, id);
    const risks = await tx.db
      .selectFrom('risk_assets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', tx.organizationId)
      .where('asset_id', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(risks.n) > 0) {
      throw conflict(`The asset ${before.name} is named by ${risks.n} risk(s); remove it from them first`);
    }
    await tx.db
      .deleteFrom('assets')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(tx, 'asset.deleted', { type: 'asset', id }, { name: before.name });
  });
}
