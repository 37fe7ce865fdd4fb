import { z } from 'zod';

/**
 * Outage windows from monitoring data, pure: Upptime's history/summary.json and a Prometheus query_range
 * answer. Each window carries a stable key, so importing the same data again adds nothing.
 */
export interface MonitoredWindow {
  monitor: string;
  key: string;
  start: Date;
  end: Date;
}

export class MonitoringFormatError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new MonitoringFormatError('file', `Not JSON: ${(e as Error).message}`);
  }
}

export function firstIssue(error: z.ZodError, prefix: string): MonitoringFormatError {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].join('.');
  return new MonitoringFormatError(path, `${path}: ${issue?.message ?? 'invalid'}`);
}

const upptimeSchema = z
  .array(
    z.object({
      name: z.string().min(1),
      slug: z.string().regex(/^[a-z0-9-]+$/, 'a slug of lower-case letters, digits and dashes'),
      dailyMinutesDown: z.record(
        z.iso.date('a day is written YYYY-MM-DD'),
        z.number().int().min(0).max(1440, 'a day has 1440 minutes'),
      ),
    }),
  )
  .max(10_000);

/**
 * Upptime records minutes down per UTC day, not when they happened: each day becomes one window of that
 * length from the start of the day (a whole day is a whole day).
 */
export function parseUpptimeSummary(text: string): MonitoredWindow[] {
  const parsed = upptimeSchema.safeParse(parseJson(text));
  if (!parsed.success) throw firstIssue(parsed.error, 'summary');
  return parsed.data.flatMap((site) =>
    Object.entries(site.dailyMinutesDown)
      .filter(([, minutes]) => minutes > 0)
      .map(([day, minutes]) => {
        const start = new Date(`${day}T00:00:00Z`);
        return {
          monitor: site.slug,
          key: `${site.slug}:${day}`,
          start,
          end: new Date(start.getTime() + minutes * 60_000),
        };
      })
      .sort((a, b) => a.start.getTime() - b.start.getTime()),
  );
}

const prometheusSchema = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('matrix'),
    result: z
      .array(
        z.object({
          metric: z.record(z.string(), z.string()),
          values: z.array(z.tuple([z.number(), z.string()])).max(1_000_000),
        }),
      )
      .max(10_000),
  }),
});

/** The series' identity: its labels, sorted (`instance="…",job="…"`). */
export const seriesName = (metric: Record<string, string>) =>
  Object.keys(metric)
    .filter((k) => k !== '__name__')
    .sort()
    .map((k) => `${k}="${metric[k]}"`)
    .join(',');

/**
 * A Prometheus range vector of an up-style metric (1 up, 0 down): each run of samples at 0 is a window from
 * its first down sample to the next sample that is up (or one step past the last sample). A series is named by
 * the value of `label` when given, else by all its labels.
 */
export function parsePrometheusRange(text: string, stepSeconds: number, label?: string): MonitoredWindow[] {
  const parsed = prometheusSchema.safeParse(parseJson(text));
  if (!parsed.success) throw firstIssue(parsed.error, 'response');
  const windows: MonitoredWindow[] = [];
  for (const series of parsed.data.data.result) {
    const monitor = (label ? series.metric[label] : undefined) ?? seriesName(series.metric);
    let downSince: number | null = null;
    const close = (end: number) => {
      if (downSince === null) return;
      windows.push({
        monitor,
        key: `${monitor}@${downSince}`,
        start: new Date(downSince * 1000),
        end: new Date(end * 1000),
      });
      downSince = null;
    };
    for (const [at, value] of series.values) {
      const v = Number(value);
      if (!Number.isFinite(v))
        throw new MonitoringFormatError('response.data.result', `Sample ${value} is not a number`);
      if (v < 0.5 && downSince === null) downSince = at;
      else if (v >= 0.5) close(at);
    }
    const last = series.values.at(-1);
    if (last) close(last[0] + stepSeconds);
  }
  return windows;
}
