/**
 * Monthly availability from outage windows, pure. Minutes of full outages count as downtime; announced
 * maintenance and customer-caused outages are excluded from the month's measured minutes; partial outages are
 * reported but do not count as downtime. Overlapping windows are counted once.
 */
export interface Window {
  start: number;
  end: number;
}

export interface OutageWindow extends Window {
  impact: 'full' | 'partial';
  excluded: boolean;
}

export interface CreditTier {
  below: number;
  credit: number;
}

export interface MonthlyAvailability {
  minutes: number;
  downMinutes: number;
  partialMinutes: number;
  excludedMinutes: number;
  /** Per cent, rounded to three decimals. */
  availability: number;
  met: boolean;
  credit: number;
}

const MINUTE = 60_000;

/** The UTC bounds of a calendar month `YYYY-MM`. */
export function monthBounds(month: string): Window {
  const [year, m] = month.split('-').map(Number);
  return { start: Date.UTC(year ?? 1970, (m ?? 1) - 1, 1), end: Date.UTC(year ?? 1970, m ?? 1, 1) };
}

/** `count` months ending with the one holding `now`, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

/** The union of windows, sorted and merged. */
export function union(windows: readonly Window[]): Window[] {
  const sorted = [...windows].filter((w) => w.end > w.start).sort((a, b) => a.start - b.start);
  const merged: Window[] = [];
  for (const w of sorted) {
    const last = merged.at(-1);
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}

const length = (ws: readonly Window[]) => ws.reduce((sum, w) => sum + (w.end - w.start), 0);

function intersection(a: readonly Window[], b: readonly Window[]): number {
  let total = 0;
  for (const x of a)
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (end > start) total += end - start;
    }
  return total;
}

export function creditFor(availability: number, table: readonly CreditTier[]): number {
  return table.filter((t) => availability < t.below).reduce((max, t) => Math.max(max, t.credit), 0);
}

export function monthlyAvailability(
  outages: readonly OutageWindow[],
  month: string,
  target: number,
  credits: readonly CreditTier[],
  now = Date.now(),
): MonthlyAvailability {
  const bounds = monthBounds(month);
  const end = Math.min(bounds.end, Math.max(bounds.start, now));
  const clip = (w: Window): Window => ({ start: Math.max(w.start, bounds.start), end: Math.min(w.end, end) });
  const excluded = union(outages.filter((o) => o.excluded).map(clip));
  const down = union(outages.filter((o) => !o.excluded && o.impact === 'full').map(clip));
  const partial = union(outages.filter((o) => !o.excluded && o.impact === 'partial').map(clip));
  const excludedMs = length(excluded);
  const downMs = length(down) - intersection(down, excluded);
  const measured = end - bounds.start - excludedMs;
  const availability = measured <= 0 ? 100 : Math.round((1 - downMs / measured) * 100_000) / 1000;
  return {
    minutes: Math.round((bounds.end - bounds.start) / MINUTE),
    downMinutes: Math.round(downMs / MINUTE),
    partialMinutes: Math.round(
      (length(partial) - intersection(partial, union([...down, ...excluded]))) / MINUTE,
    ),
    excludedMinutes: Math.round(excludedMs / MINUTE),
    availability,
    met: availability >= target,
    credit: creditFor(availability, credits),
  };
}
