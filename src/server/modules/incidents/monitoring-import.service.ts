import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ImportResult } from '../../../contracts/availability.js';
import { parseGatusStatuses, parseUptimeKuma } from '../../../formats/monitoring-gatus-kuma.js';
import {
  type MonitoredWindow,
  MonitoringFormatError,
  parsePrometheusRange,
  parseUpptimeSummary,
} from '../../../formats/monitoring-outages.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { outboundGet } from '../../kernel/http/outbound-fetch.js';
import { getMonitoringNetwork } from './incident-settings.service.js';
import { assertOutage, insertOutage } from './outages.service.js';

/** Which service each monitor measures (null: not imported) and at which locations (none: all). */
const mappingFields = {
  services: z.record(z.string().min(1).max(300), z.uuid().nullable()),
  locationIds: z.array(z.uuid()).max(100).default([]),
};

export const upptimeImportSchema = z.strictObject({
  /** The text of Upptime's history/summary.json. */
  content: z.string().min(1).max(5_000_000),
  ...mappingFields,
});

export const gatusImportSchema = z.strictObject({
  /** The answer of Gatus's /api/v1/endpoints/statuses; monitors are named by endpoint key (group_name). */
  content: z.string().min(1).max(5_000_000),
  ...mappingFields,
});

export const uptimeKumaImportSchema = z.strictObject({
  /** The public status page's JSON (/api/status-page/<slug>): names the monitors. */
  statusPage: z.string().min(1).max(1_000_000),
  /** Its heartbeat JSON (/api/status-page/heartbeat/<slug>). */
  heartbeats: z.string().min(1).max(5_000_000),
  ...mappingFields,
});

export const prometheusImportSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  query: z.string().min(1).max(2000),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  step: z.number().int().min(1).max(86_400),
  /** The label that names a series in `services`, e.g. job or instance; by default all its labels. */
  label: z.string().max(100).optional(),
  ...mappingFields,
});

type Mapping = { services: Record<string, string | null>; locationIds: string[] };
const MAX_BYTES = 20_000_000;

function parseOrRefuse(parse: () => MonitoredWindow[]): MonitoredWindow[] {
  try {
    return parse();
  } catch (e) {
    if (e instanceof MonitoringFormatError)
      throw new AppError('VALIDATION_FAILED', `Malformed monitoring data: ${e.message}`, [
        { path: e.path, message: e.message },
      ]);
    throw e;
  }
}

/**
 * Imports outage windows idempotently: the same original again is recognised by its SHA-256, and each window by
 * its source key; the original is kept as the import's evidence. All or nothing, in one transaction.
 */
async function importWindows(
  ctx: ServiceContext,
  source: 'upptime' | 'prometheus' | 'gatus' | 'uptime-kuma',
  original: string,
  windows: MonitoredWindow[],
  mapping: Mapping,
): Promise<ImportResult> {
  const unmapped = [...new Set(windows.map((w) => w.monitor))].filter((m) => !(m in mapping.services));
  if (unmapped.length > 0)
    throw new AppError('VALIDATION_FAILED', `No service is given for the monitor ${unmapped.join(', ')}`, [
      {
        path: `services.${unmapped[0]}`,
        message: 'Map the monitor to a service, or to null to leave it out',
      },
    ]);
  const sha256 = createHash('sha256').update(original).digest('hex');
  return inTransaction(ctx, async (tx) => {
    const earlier = await tx.db
      .selectFrom('monitoring_imports')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('source', '=', source)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (earlier)
      return { importId: earlier.id, sha256, added: 0, alreadyKnown: windows.length, repeated: true };
    const imported = await tx.db
      .insertInto('monitoring_imports')
      .values({ organization_id: tx.organizationId, source, sha256, original, imported_by: tx.actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    let added = 0;
    let alreadyKnown = 0;
    for (const [i, w] of windows.entries()) {
      const serviceId = mapping.services[w.monitor];
      if (!serviceId) continue;
      const known = await tx.db
        .selectFrom('outages')
        .select('id')
        .where('organization_id', '=', tx.organizationId)
        .where('source', '=', source)
        .where('source_key', '=', w.key)
        .executeTakeFirst();
      if (known) {
        alreadyKnown++;
        continue;
      }
      const o = { serviceIds: [serviceId], locationIds: mapping.locationIds, start: w.start, end: w.end };
      await assertOutage(tx, { ...o, announcedAt: null }, `windows[${i}].`);
      await insertOutage(tx, {
        title: `${w.monitor} down (${source})`,
        serviceIds: o.serviceIds,
        locationIds: o.locationIds,
        startedAt: w.start.toISOString(),
        endedAt: w.end.toISOString(),
        impact: 'full',
        planned: false,
        announcedAt: null,
        customerCaused: false,
        incidentId: null,
        source,
        sourceKey: w.key,
        importId: imported.id,
      });
      added++;
    }
    await tx.db
      .updateTable('monitoring_imports')
      .set({ outages_added: added })
      .where('id', '=', imported.id)
      .execute();
    await recordAuditEvent(
      tx,
      'outages.imported',
      { type: 'monitoring-import', id: imported.id },
      { source, sha256, added, alreadyKnown },
    );
    return { importId: imported.id, sha256, added, alreadyKnown, repeated: false };
  });
}

export function importUpptime(
  ctx: ServiceContext,
  input: z.output<typeof upptimeImportSchema>,
): Promise<ImportResult> {
  const windows = parseOrRefuse(() => parseUpptimeSummary(input.content));
  return importWindows(ctx, 'upptime', input.content, windows, input);
}

export function importGatus(
  ctx: ServiceContext,
  input: z.output<typeof gatusImportSchema>,
): Promise<ImportResult> {
  const windows = parseOrRefuse(() => parseGatusStatuses(input.content));
  return importWindows(ctx, 'gatus', input.content, windows, input);
}

/** Both of Kuma's answers are kept, each byte for byte, as one JSON original. */
export function importUptimeKuma(
  ctx: ServiceContext,
  input: z.output<typeof uptimeKumaImportSchema>,
): Promise<ImportResult> {
  const windows = parseOrRefuse(() => parseUptimeKuma(input.statusPage, input.heartbeats));
  const original = JSON.stringify({ statusPage: input.statusPage, heartbeats: input.heartbeats });
  return importWindows(ctx, 'uptime-kuma', original, windows, input);
}

/** Asks a Prometheus server for the range and imports its down windows; the answer is kept as the original. */
export async function importPrometheus(
  ctx: ServiceContext,
  input: z.output<typeof prometheusImportSchema>,
): Promise<ImportResult> {
  if (new Date(input.end) <= new Date(input.start))
    throw new AppError('VALIDATION_FAILED', 'end must be after start', [
      { path: 'end', message: 'end must be after start' },
    ]);
  const url = new URL('api/v1/query_range', input.url.endsWith('/') ? input.url : `${input.url}/`);
  url.searchParams.set('query', input.query);
  url.searchParams.set('start', String(new Date(input.start).getTime() / 1000));
  url.searchParams.set('end', String(new Date(input.end).getTime() / 1000));
  url.searchParams.set('step', String(input.step));
  const { allowPrivateNetworks } = await getMonitoringNetwork(ctx);
  let text: string;
  try {
    const res = await outboundGet(url.href, { allowPrivate: allowPrivateNetworks, maxBytes: MAX_BYTES });
    text = res.body;
    if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', `Prometheus did not answer the query: ${(e as Error).message}`, [
      { path: 'url', message: (e as Error).message },
    ]);
  }
  const windows = parseOrRefuse(() => parsePrometheusRange(text, input.step, input.label));
  return importWindows(ctx, 'prometheus', text, windows, input);
}
