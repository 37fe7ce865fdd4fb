/**
 * Time arithmetic for reporting deadlines, pure and without a time-zone library. Hour-based deadlines
 * (24 h, 72 h) are exact durations from an instant, so a DST change never moves them; a calendar month is
 * counted on the organisation's wall clock (same local time of day, the day clamped to the month's end) and
 * converted back to UTC.
 */

const HOUR_MS = 3_600_000;

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * HOUR_MS);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a name Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

export function wallClockOf(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClockOf(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time names in a zone. A time skipped by a spring-forward change is read with the
 * offset before the change (02:30 becomes 03:30 summer time); a repeated autumn time takes its first occurrence.
 */
export function instantOf(w: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const before = offsetMs(new Date(asUtc - 12 * HOUR_MS), timeZone);
  const after = offsetMs(new Date(asUtc + 12 * HOUR_MS), timeZone);
  if (before === after) return new Date(asUtc - before);
  const names = (t: number) => {
    const c = wallClockOf(new Date(t), timeZone);
    return c.day === w.day && c.hour === w.hour && c.minute === w.minute;
  };
  const matching = [asUtc - before, asUtc - after].filter(names);
  return new Date(matching.length > 0 ? Math.min(...matching) : asUtc - before);
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** One calendar month later on the zone's wall clock; 31 January → 28 or 29 February. */
export function addCalendarMonth(instant: Date, timeZone: string, months = 1): Date {
  const w = wallClockOf(instant, timeZone);
  const index = w.year * 12 + (w.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(w.day, daysInMonth(year, month));
  return instantOf({ ...w, year, month, day }, timeZone);
}

/** `2026-03-29 14:00 CEST`-style text of an instant in a zone, for reports, mail and the UI. */
export function formatInZone(instant: Date, timeZone: string): string {
  const w = wallClockOf(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const name =
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)} ${name}`;
}
