import { CronExpressionParser } from 'cron-parser';
import rrule from 'rrule';
import { AppError } from '../../kernel/errors/app-error.js';

const { RRule, rrulestr } = rrule;
type Rule = InstanceType<typeof RRule>;

export interface Schedule {
  type: 'rrule' | 'cron';
  expression: string;
  /** DTSTART of an RRULE; a cron schedule counts from here as well. */
  startsAt: Date;
}

const DAY_MS = 86_400_000;
/** Occurrences closer than this are not a compliance activity but a flood of tasks. */
const MIN_GAP_MS = DAY_MS;
const ALLOWED_FREQS = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]);

const invalid = (message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path: 'schedule.expression', message }]);

function parseRule(expression: string, startsAt: Date): Rule {
  const text = expression.trim().replace(/^RRULE:/i, '');
  if (/DTSTART|\n/i.test(text)) throw invalid('Give the RRULE alone; the start is a separate field');
  let rule: Rule;
  try {
    rule = rrulestr(`RRULE:${text}`, { dtstart: startsAt }) as Rule;
  } catch (err) {
    throw invalid(`The RRULE "${text}" is invalid: ${(err as Error).message}`);
  }
  if (!ALLOWED_FREQS.has(rule.options.freq)) {
    throw invalid(
      `FREQ=${RRule.FREQUENCIES[rule.options.freq]} is too frequent for an activity; use DAILY, WEEKLY, MONTHLY or YEARLY`,
    );
  }
  return rule;
}

function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `A cron schedule has five fields (minute hour day-of-month month day-of-week); "${expression}" has ${fields.length}`;
  }
  if (!/^\d+$/.test(fields[0] ?? '') || !/^\d+$/.test(fields[1] ?? '')) {
    return 'A cron schedule for an activity runs at one fixed minute and hour a day, e.g. "0 9 1 * *"';
  }
  return undefined;
}

function cronAfter(expression: string, after: Date, count: number, until?: Date): Date[] {
  const iterator = CronExpressionParser.parse(expression, { currentDate: after, tz: 'UTC' });
  const out: Date[] = [];
  while (out.length < count && iterator.hasNext()) {
    const next = iterator.next().toDate();
    if (until && next > until) break;
    out.push(next);
  }
  return out;
}

/** Throws a 400 naming the problem unless the schedule is valid and at most daily. */
export function validateSchedule(s: Schedule): Schedule {
  const expression = s.type === 'cron' ? s.expression.trim().split(/\s+/).join(' ') : s.expression.trim();
  if (s.type === 'cron') {
    const problem = cronProblem(expression);
    if (problem) throw invalid(problem);
    try {
      cronAfter(expression, s.startsAt, 1);
    } catch (err) {
      throw invalid(`The cron schedule "${expression}" is invalid: ${(err as Error).message}`);
    }
  } else {
    parseRule(expression, s.startsAt);
  }
  const normalized = { ...s, expression: expression.replace(/^RRULE:/i, '') };
  const probe = occurrencesAfter(normalized, s.startsAt, 10);
  if (probe.length === 0) throw invalid('The schedule has no occurrence after its start');
  for (let i = 1; i < probe.length; i++) {
    const gap = (probe[i]?.getTime() ?? 0) - (probe[i - 1]?.getTime() ?? 0);
    if (gap < MIN_GAP_MS) throw invalid('Occurrences of an activity must be at least a day apart');
  }
  return normalized;
}

/** The next `count` occurrences strictly after `after`, optionally up to `until`; all in UTC. */
export function occurrencesAfter(s: Schedule, after: Date, count: number, until?: Date): Date[] {
  if (s.type === 'cron') return cronAfter(s.expression, after, count, until);
  const rule = parseRule(s.expression, s.startsAt);
  const out: Date[] = [];
  rule.all((date, i) => {
    if (i > 10_000 || out.length >= count || (until && date > until)) return false;
    if (date > after) out.push(date);
    return true;
  });
  return out;
}
