const DAY_MS = 86_400_000;

/** Midnight UTC of the day `now` falls on. */
export function startOfDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);

/** The same day `months` later at midnight UTC; the 31st becomes the month's last day when it has fewer. */
export function addMonths(d: Date, months: number): Date {
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target;
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A YYYY-MM-DD string as midnight UTC. */
export const dayOf = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);
