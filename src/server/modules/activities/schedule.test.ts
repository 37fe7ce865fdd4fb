import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { occurrencesAfter, type Schedule, validateSchedule } from './schedule.js';

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());
const start = new Date('2026-01-01T00:00:00Z');

describe('activity schedules', () => {
  test('an RRULE gives its next occurrences in UTC, unmoved by daylight saving', () => {
    const s = validateSchedule({
      type: 'rrule',
      expression: 'FREQ=MONTHLY;BYMONTHDAY=28;BYHOUR=9;BYMINUTE=0;BYSECOND=0',
      startsAt: start,
    });
    // Europe's clocks change on 29 March and 25 October 2026; UTC occurrences stay at 09:00Z.
    assert.deepEqual(iso(occurrencesAfter(s, new Date('2026-02-01T00:00:00Z'), 4)), [
      '2026-02-28T09:00:00.000Z',
      '2026-03-28T09:00:00.000Z',
      '2026-04-28T09:00:00.000Z',
      '2026-05-28T09:00:00.000Z',
    ]);
    const quarterly = validateSchedule({
      type: 'rrule',
      expression: 'RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15',
      startsAt: start,
    });
    assert.equal(quarterly.expression, 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15');
    assert.deepEqual(iso(occurrencesAfter(quarterly, start, 3)), [
      '2026-01-15T00:00:00.000Z',
      '2026-04-15T00:00:00.000Z',
      '2026-07-15T00:00:00.000Z',
    ]);
    const until = validateSchedule({ type: 'rrule', expression: 'FREQ=YEARLY;COUNT=2', startsAt: start });
    assert.equal(occurrencesAfter(until, start, 5).length, 1, 'COUNT includes DTSTART itself');
  });

  test('a cron schedule gives its next occurrences in UTC across daylight saving', () => {
    const s = validateSchedule({ type: 'cron', expression: ' 30  6 * * 1', startsAt: start });
    assert.equal(s.expression, '30 6 * * 1');
    assert.deepEqual(iso(occurrencesAfter(s, new Date('2026-03-25T00:00:00Z'), 3)), [
      '2026-03-30T06:30:00.000Z',
      '2026-04-06T06:30:00.000Z',
      '2026-04-13T06:30:00.000Z',
    ]);
    assert.deepEqual(
      iso(occurrencesAfter(s, new Date('2026-03-25T00:00:00Z'), 5, new Date('2026-04-01T00:00:00Z'))),
      ['2026-03-30T06:30:00.000Z'],
    );
  });

  test('bad and too frequent schedules are refused with a message naming the problem', () => {
    const refuse = (s: Omit<Schedule, 'startsAt'>, message: RegExp) =>
      assert.throws(() => validateSchedule({ ...s, startsAt: start }), message);
    refuse({ type: 'rrule', expression: 'FREQ=SECONDLY' }, /FREQ=SECONDLY is too frequent/);
    refuse({ type: 'rrule', expression: 'FREQ=MINUTELY;INTERVAL=5' }, /FREQ=MINUTELY is too frequent/);
    refuse({ type: 'rrule', expression: 'FREQ=HOURLY' }, /too frequent/);
    refuse({ type: 'rrule', expression: 'FREQ=DAILY;BYHOUR=1,2' }, /at least a day apart/);
    refuse({ type: 'rrule', expression: 'FREQ=FORTNIGHTLY' }, /RRULE .* is invalid/);
    refuse({ type: 'rrule', expression: 'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY' }, /RRULE alone/);
    refuse({ type: 'cron', expression: '* * * * *' }, /one fixed minute and hour/);
    refuse({ type: 'cron', expression: '0 9 * *' }, /five fields/);
    refuse({ type: 'cron', expression: '0 9 32 * *' }, /invalid/);
  });
});
