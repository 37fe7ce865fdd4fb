import {
  defaultVulnerabilitySla,
  type VulnerabilitySla,
  vulnerabilitySlaSchema,
} from '../../../contracts/vulnerabilities.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';

/** The organisation's days-to-fix per severity; the defaults until someone sets them. */
export async function getSla(ctx: ServiceContext): Promise<VulnerabilitySla> {
  const row = await ctx.db
    .selectFrom('vulnerability_sla')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  if (!row) return defaultVulnerabilitySla;
  return {
    criticalDays: row.critical_days,
    highDays: row.high_days,
    mediumDays: row.medium_days,
    lowDays: row.low_days,
    kevDays: row.kev_days,
  };
}

/** Sets the SLA for findings from now on (fix-by dates already set stay as they are). */
export async function putSla(ctx: ServiceContext, input: VulnerabilitySla): Promise<VulnerabilitySla> {
  const sla = vulnerabilitySlaSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await getSla(tx);
    const values = {
      critical_days: sla.criticalDays,
      high_days: sla.highDays,
      medium_days: sla.mediumDays,
      low_days: sla.lowDays,
      kev_days: sla.kevDays,
    };
    await tx.db
      .insertInto('vulnerability_sla')
      .values({ organization_id: tx.organizationId, ...values })
      .onConflict((oc) => oc.column('organization_id').doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
    const changes = Object.fromEntries(
      (Object.keys(sla) as (keyof VulnerabilitySla)[])
        .filter((k) => sla[k] !== before[k])
        .map((k) => [k, { from: before[k], to: sla[k] }]),
    );
    await recordAuditEvent(
      tx,
      'vulnerability-sla.updated',
      { type: 'vulnerability-sla', id: null },
      { changes },
    );
    return sla;
  });
}
