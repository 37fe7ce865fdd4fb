import { CronExpressionParser } from 'cron-parser';
import { AppError } from '../../kernel/errors/app-error.js';

const FIELDS = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'] as const;

const parse = (expression: string, currentDate: Date) =>
  CronExpressionParser.parse(expression, { currentDate, tz: 'UTC' });

/** What is wrong with a five-field cron expression, naming the field; undefined when it is fine. */
export function scheduleProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== FIELDS.length) {
    return `A schedule has five fields (${FIELDS.join(' ')}), e.g. "0 * * * *"; "${expression}" has ${fields.length}`;
  }
  for (const [i, name] of FIELDS.entries()) {
    const probe = fields.map((f, j) => (j === i ? f : '*')).join(' ');
    try {
      parse(probe, new Date());
    } catch (err) {
      return `The ${name} field "${fields[i]}" is invalid: ${(err as Error).message}`;
    }
  }
  try {
    parse(fields.join(' '), new Date()).next();
  } catch (err) {
    return `The schedule "${expression}" never runs: ${(err as Error).message}`;
  }
  return undefined;
}

/** A valid schedule with single spaces, or null; a bad one is a 400 naming the field. */
export function normalizeSchedule(expression: string | null): string | null {
  if (expression === null || expression.trim() === '') return null;
  const problem = scheduleProblem(expression);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ path: 'schedule', message: problem }]);
  return expression.trim().split(/\s+/).join(' ');
}

/** The most recent slot at or before `now`. */
export function previousSlot(expression: string, now: Date): Date {
  return parse(expression, now).prev().toDate();
}

export function nextSlot(expression: string, now: Date): Date {
  return parse(expression, now).next().toDate();
}

/** A check is due when a slot of its schedule has passed since it last ran (or since it was created). */
export function isDue(expression: string, since: Date, now: Date): boolean {
  return previousSlot(expression, now) > since;
}
