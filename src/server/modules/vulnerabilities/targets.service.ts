import { sql } from 'kysely';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import type { VulnerabilityTarget } from '../../../contracts/vulnerabilities.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { getAsset } from '../assets/index.js';
import { targetVisible } from './findings.repository.js';

function targetQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('vulnerability_targets as t')
    .leftJoin('assets as a', 'a.id', 't.asset_id')
    .select([
      't.id',
      't.name',
      't.asset_id',
      'a.name as asset_name',
      't.last_scanned_at',
      sql<number>`(SELECT count(*) FROM vulnerability_findings f
        WHERE f.target_id = t.id AND f.state IN ('open', 'in_progress'))::int`.as('open_findings'),
    ])
    .where('t.organization_id', '=', ctx.organizationId)
    .where(targetVisible(ctx, 't.id'));
}

function present(row: Awaited<ReturnType<ReturnType<typeof targetQuery>['executeTakeFirstOrThrow']>>) {
  return {
    id: row.id,
    name: row.name,
    asset: row.asset_id && row.asset_name !== null ? { id: row.asset_id, name: row.asset_name } : null,
    lastScannedAt: row.last_scanned_at ? row.last_scanned_at.toISOString() : null,
    openFindings: Number(row.open_findings),
  };
}

/** The images, hosts and repositories scans have reported on, by name. */
export function listTargets(ctx: ServiceContext, query: PageQuery): Promise<Page<VulnerabilityTarget>> {
  return paged(targetQuery(ctx), (q) => q.orderBy('t.name').orderBy('t.id'), query, present);
}

/** Maps a target to the asset it is (and so to the asset's service and owner), or unmaps it. */
export async function mapTarget(
  ctx: ServiceContext,
  id: string,
  assetId: string | null,
): Promise<VulnerabilityTarget> {
  return inTransaction(ctx, async (tx) => {
    const target = await tx.db
      .selectFrom('vulnerability_targets')
      .select(['id', 'name', 'asset_id'])
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!target) throw notFound(`Scan target ${id}`);
    if (assetId !== null) await getAsset(tx, assetId);
    await tx.db
      .updateTable('vulnerability_targets')
      .set({ asset_id: assetId })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'vulnerability-target.updated',
      { type: 'vulnerability-target', id },
      { name: target.name, changes: { assetId: { from: target.asset_id, to: assetId } } },
    );
    const row = await targetQuery(tx).where('t.id', '=', id).executeTakeFirstOrThrow();
    return present(row);
  });
}
