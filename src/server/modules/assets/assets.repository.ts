import { sql } from 'kysely';
import type { AssetListQuery } from '../../../contracts/assets.js';
import type { ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';

export function assetListQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('assets as a')
    .leftJoin('users as u', 'u.id', 'a.owner_id')
    .leftJoin('locations as l', 'l.id', 'a.location_id')
    .leftJoin('services as s', 's.id', 'a.service_id')
    .select([
      'a.id',
      'a.name',
      'a.description',
      'a.type',
      'a.classification',
      'a.owner_id',
      'u.name as owner_name',
      'a.location_id',
      'l.code as location_code',
      'l.name as location_name',
      'a.service_id',
      's.name as service_name',
      'a.updated_at',
    ])
    .select(sql<number>`(SELECT count(*) FROM risk_assets ra WHERE ra.asset_id = a.id)`.as('risk_count'))
    .where('a.organization_id', '=', ctx.organizationId);
}

export function filteredAssets(ctx: ServiceContext, query: AssetListQuery) {
  let q = assetListQuery(ctx);
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) => eb.or([eb('a.name', 'ilike', pattern), eb('a.description', 'ilike', pattern)]));
  }
  if (query.type) q = q.where('a.type', '=', query.type);
  if (query.classification) q = q.where('a.classification', '=', query.classification);
  if (query.ownerId) q = q.where('a.owner_id', '=', query.ownerId);
  if (query.locationId) q = q.where('a.location_id', '=', query.locationId);
  if (query.serviceId) q = q.where('a.service_id', '=', query.serviceId);
  return q;
}
