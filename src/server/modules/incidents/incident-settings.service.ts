import type { MonitoringNetwork } from '../../../contracts/availability.js';
import type { IncidentSettings } from '../../../contracts/incidents.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { assertTimeZone } from './incident-clock.js';

/**
 * The organisation's jurisdiction for reporting. Until someone sets it, the main establishment is the country
 * with the most data centres and every other data-centre country counts as a registration.
 */
export async function getIncidentSettings(ctx: ServiceContext): Promise<IncidentSettings> {
  const row = await ctx.db
    .selectFrom('incident_settings')
    .select(['main_establishment', 'registered_in', 'time_zone'])
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  if (row)
    return {
      mainEstablishment: row.main_establishment,
      registeredIn: row.registered_in,
      timeZone: row.time_zone,
    };
  const countries = await ctx.db
    .selectFrom('locations')
    .select('country')
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('code')
    .execute();
  const count = (c: string) => countries.filter((x) => x.country === c).length;
  const main = [...countries].sort((a, b) => count(b.country) - count(a.country))[0]?.country ?? 'SE';
  return {
    mainEstablishment: main,
    registeredIn: [...new Set(countries.map((c) => c.country))].filter((c) => c !== main),
    timeZone: 'Europe/Stockholm',
  };
}

export async function putIncidentSettings(
  ctx: ServiceContext,
  input: IncidentSettings,
): Promise<IncidentSettings> {
  try {
    assertTimeZone(input.timeZone);
  } catch {
    throw new AppError('VALIDATION_FAILED', `Unknown time zone ${input.timeZone}`, [
      { path: 'timeZone', message: 'Use an IANA name such as Europe/Stockholm' },
    ]);
  }
  return inTransaction(ctx, async (tx) => {
    const before = await getIncidentSettings(tx);
    const registeredIn = [...new Set(input.registeredIn)].filter((c) => c !== input.mainEstablishment);
    await tx.db
      .insertInto('incident_settings')
      .values({
        organization_id: tx.organizationId,
        main_establishment: input.mainEstablishment,
        registered_in: registeredIn,
        time_zone: input.timeZone,
      })
      .onConflict((oc) =>
        oc.column('organization_id').doUpdateSet({
          main_establishment: input.mainEstablishment,
          registered_in: registeredIn,
          time_zone: input.timeZone,
          updated_at: new Date(),
        }),
      )
      .execute();
    const after = { ...input, registeredIn };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['mainEstablishment', 'registeredIn', 'timeZone'] as const)
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

export async function getMonitoringNetwork(ctx: ServiceContext): Promise<MonitoringNetwork> {
  const row = await ctx.db
    .selectFrom('incident_settings')
    .select('monitoring_private_networks')
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  return { allowPrivateNetworks: row?.monitoring_private_networks ?? false };
}

/** An administrator lets monitoring imports contact private networks (or stops them). */
export async function putMonitoringNetwork(
  ctx: ServiceContext,
  input: MonitoringNetwork,
): Promise<MonitoringNetwork> {
  return inTransaction(ctx, async (tx) => {
    const before = await getMonitoringNetwork(tx);
    const where = await getIncidentSettings(tx);
    await tx.db
      .insertInto('incident_settings')
      .values({
        organization_id: tx.organizationId,
        main_establishment: where.mainEstablishment,
        registered_in: where.registeredIn,
        time_zone: where.timeZone,
        monitoring_private_networks: input.allowPrivateNetworks,
      })
      .onConflict((oc) =>
        oc.column('organization_id').doUpdateSet({
          monitoring_private_networks: input.allowPrivateNetworks,
          updated_at: new Date(),
        }),
      )
      .execute();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (before.allowPrivateNetworks !== input.allowPrivateNetworks)
      changes.allowPrivateNetworks = { from: before.allowPrivateNetworks, to: input.allowPrivateNetworks };
    await recordAuditEvent(
      tx,
      'incident-settings.updated',
      { type: 'organization', id: tx.organizationId },
      { changes },
    );
    return input;
  });
}
