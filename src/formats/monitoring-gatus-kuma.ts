import { z } from 'zod';
import { firstIssue, type MonitoredWindow, MonitoringFormatError, parseJson } from './monitoring-outages.js';

/**
 * Outage windows from Gatus (`/api/v1/endpoints/statuses`) and Uptime Kuma (a public status page's JSON with its
 * heartbeat JSON), pure. A window still open at the end of the data (down, not yet up again) is left out: it is
 * imported once it has ended, so its stable key is never stored with a guessed end.
 */

const instant = z.iso.datetime({
  offset: true,
  message: 'a timestamp with its offset, e.g. 2026-11-20T07:30:00Z',
});

const gatusSchema = z
  .array(
    z.object({
      name: z.string().min(1),
      group: z.string().optional(),
      key: z.string().min(1),
      events: z
        .array(z.object({ type: z.enum(['START', 'HEALTHY', 'UNHEALTHY']), timestamp: instant }))
        .max(100_000)
        .default([]),
    }),
  )
  .max(10_000);

/** Each endpoint (named by its key, e.g. `core_frontend`) is down from an UNHEALTHY event to the next HEALTHY one. */
export function parseGatusStatuses(text: string): MonitoredWindow[] {
  const parsed = gatusSchema.safeParse(parseJson(text));
  if (!parsed.success) throw firstIssue(parsed.error, 'statuses');
  const windows: MonitoredWindow[] = [];
  for (const endpoint of parsed.data) {
    const events = [...endpoint.events].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    let downSince: Date | null = null;
    for (const e of events) {
      if (e.type === 'UNHEALTHY' && downSince === null) downSince = new Date(e.timestamp);
      else if (e.type === 'HEALTHY' && downSince !== null) {
        windows.push({
          monitor: endpoint.key,
          key: `${endpoint.key}@${downSince.toISOString()}`,
          start: downSince,
          end: new Date(e.timestamp),
        });
        downSince = null;
      }
    }
  }
  return windows;
}

const kumaPageSchema = z.object({
  publicGroupList: z
    .array(
      z.object({
        name: z.string(),
        monitorList: z.array(z.object({ id: z.number().int(), name: z.string().min(1) })).max(10_000),
      }),
    )
    .max(1000),
});

/** Kuma writes heartbeat times in UTC without a zone: `2026-11-20 07:30:00.000`. */
const kumaTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?Z?$/, 'a time written YYYY-MM-DD HH:MM:SS (UTC)');

const kumaHeartbeatSchema = z.object({
  heartbeatList: z.record(
    z.string().regex(/^\d+$/, 'a monitor id'),
    z.array(z.object({ status: z.number().int().min(0).max(3), time: kumaTime })).max(1_000_000),
  ),
});

const utc = (time: string) => new Date(`${time.replace(' ', 'T').replace(/Z$/, '')}Z`);

/**
 * A monitor (named as on the status page) is down from its first DOWN beat (status 0) to the next UP beat
 * (status 1); pending (2) and maintenance (3) beats neither open nor close a window.
 */
export function parseUptimeKuma(statusPageText: string, heartbeatText: string): MonitoredWindow[] {
  const page = kumaPageSchema.safeParse(parseJson(statusPageText));
  if (!page.success) throw firstIssue(page.error, 'statusPage');
  const beats = kumaHeartbeatSchema.safeParse(parseJson(heartbeatText));
  if (!beats.success) throw firstIssue(beats.error, 'heartbeats');
  const names = new Map(
    page.data.publicGroupList.flatMap((g) => g.monitorList.map((m) => [String(m.id), m.name])),
  );
  const windows: MonitoredWindow[] = [];
  for (const [id, list] of Object.entries(beats.data.heartbeatList)) {
    const monitor = names.get(id);
    if (!monitor)
      throw new MonitoringFormatError(
        `heartbeats.heartbeatList.${id}`,
        `heartbeats.heartbeatList.${id}: monitor ${id} is not on the status page`,
      );
    const sorted = [...list].sort((a, b) => utc(a.time).getTime() - utc(b.time).getTime());
    let downSince: Date | null = null;
    for (const beat of sorted) {
      const at = utc(beat.time);
      if (Number.isNaN(at.getTime()))
        throw new MonitoringFormatError(`heartbeats.heartbeatList.${id}`, `Not a time: ${beat.time}`);
      if (beat.status === 0 && downSince === null) downSince = at;
      else if (beat.status === 1 && downSince !== null) {
        windows.push({ monitor, key: `${monitor}@${downSince.toISOString()}`, start: downSince, end: at });
        downSince = null;
      }
    }
  }
  return windows;
}
