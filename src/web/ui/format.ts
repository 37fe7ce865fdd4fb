/** "1 event", "3 events": a count with its noun, singular or plural. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

// ISO-style dates (2026-05-04 13:07) read the same in every Nordic country and in English.
const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
const secondsFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium' });
const dateFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short' });

/** Local date and time to the minute, or `none` when there is no time. */
export function dateTime(iso: string | null, none = '—'): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : none;
}

/** Local date and time to the second, for the audit log. */
export function preciseTime(iso: string): string {
  return secondsFormat.format(new Date(iso));
}

export function date(iso: string): string {
  return dateFormat.format(new Date(iso));
}
