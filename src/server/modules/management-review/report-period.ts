/** A review period as inclusive calendar days; timestamps are compared against [from 00:00, to+1 00:00) UTC. */
export interface Period {
  from: string;
  to: string;
  /** The first instant after the period. */
  endExclusive: string;
  /** The day the report is assembled, YYYY-MM-DD (UTC). */
  today: string;
}

export function periodOf(from: string, to: string, now: Date): Period {
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { from, to, endExclusive: end.toISOString(), today: now.toISOString().slice(0, 10) };
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
