import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { sharedData } from '../../test/support/paths.js';
import { creditFor, lastMonths, monthlyAvailability, type OutageWindow, union } from './availability.js';
import { MonitoringFormatError, parsePrometheusRange, parseUpptimeSummary } from './monitoring-outages.js';

const t = (iso: string) => Date.parse(iso);
const credits = [
  { below: 99.9, credit: 10 },
  { below: 99, credit: 25 },
];
const full = (start: string, end: string, excluded = false): OutageWindow => ({
  start: t(start),
  end: t(end),
  impact: 'full',
  excluded,
});

describe('monthly availability', () => {
  test('overlapping windows count once; November has 43 200 minutes', () => {
    const m = monthlyAvailability(
      [
        full('2026-11-10T10:00:00Z', '2026-11-10T11:00:00Z'),
        full('2026-11-10T10:30:00Z', '2026-11-10T11:30:00Z'),
      ],
      '2026-11',
      99.9,
      credits,
      t('2027-01-01T00:00:00Z'),
    );
    assert.equal(m.minutes, 43_200);
    assert.equal(m.downMinutes, 90);
    assert.equal(m.availability, 99.792);
    assert.equal(m.met, false);
    assert.equal(m.credit, 10);
  });

  test('announced maintenance is excluded; partial outages are reported, not counted; windows clip to the month', () => {
    const m = monthlyAvailability(
      [
        full('2026-11-30T23:00:00Z', '2026-12-01T05:00:00Z'),
        full('2026-12-02T00:00:00Z', '2026-12-02T04:00:00Z', true),
        {
          start: t('2026-12-03T00:00:00Z'),
          end: t('2026-12-03T01:00:00Z'),
          impact: 'partial',
          excluded: false,
        },
      ],
      '2026-12',
      99.9,
      credits,
      t('2027-01-01T00:00:00Z'),
    );
    assert.equal(m.downMinutes, 300);
    assert.equal(m.excludedMinutes, 240);
    assert.equal(m.partialMinutes, 60);
    assert.equal(m.availability, Math.round((1 - 300 / (44_640 - 240)) * 100_000) / 1000);
  });

  test('a month still running is measured up to now; leap February has 41 760 minutes', () => {
    const feb = monthlyAvailability([], '2028-02', 99.9, credits, t('2028-03-05T00:00:00Z'));
    assert.equal(feb.minutes, 41_760);
    assert.equal(feb.availability, 100);
    const running = monthlyAvailability(
      [full('2026-12-01T00:00:00Z', '2026-12-01T01:00:00Z')],
      '2026-12',
      99.9,
      credits,
      t('2026-12-02T00:00:00Z'),
    );
    assert.equal(running.availability, Math.round((1 - 60 / 1440) * 100_000) / 1000);
  });

  test('credits take the highest tier the availability falls below', () => {
    assert.equal(creditFor(99.95, credits), 0);
    assert.equal(creditFor(99.5, credits), 10);
    assert.equal(creditFor(98, credits), 25);
    assert.deepEqual(lastMonths(new Date('2026-02-15T00:00:00Z'), 3), ['2025-12', '2026-01', '2026-02']);
    assert.deepEqual(
      union([
        { start: 5, end: 6 },
        { start: 1, end: 3 },
        { start: 2, end: 4 },
      ]),
      [
        { start: 1, end: 4 },
        { start: 5, end: 6 },
      ],
    );
  });
});

describe('monitoring data', () => {
  test("Upptime's summary.json: one window per day with minutes down, keyed by monitor and day", () => {
    const windows = parseUpptimeSummary(readFileSync(sharedData('upptime-summary.json'), 'utf8'));
    const wikipedia = windows.filter((w) => w.monitor === 'wikipedia');
    assert.deepEqual(
      wikipedia.map((w) => [w.key, w.start.toISOString(), w.end.toISOString()]),
      [
        ['wikipedia:2022-03-29', '2022-03-29T00:00:00.000Z', '2022-03-29T00:16:00.000Z'],
        ['wikipedia:2022-06-12', '2022-06-12T00:00:00.000Z', '2022-06-12T00:21:00.000Z'],
      ],
    );
    assert.equal(windows.filter((w) => w.monitor === 'google').length, 0);
    assert.ok(windows.some((w) => w.key === 'hacker-news:2022-11-20'));
  });

  test('malformed monitoring data names the problem', () => {
    assert.throws(
      () => parseUpptimeSummary('{"not": "a list"'),
      (e) => e instanceof MonitoringFormatError && e.path === 'file',
    );
    assert.throws(
      () =>
        parseUpptimeSummary(
          JSON.stringify([{ name: 'x', slug: 'x', dailyMinutesDown: { '2022-01-01': 2000 } }]),
        ),
      (e) => e instanceof MonitoringFormatError && /1440/.test(e.message) && e.path.startsWith('summary.0'),
    );
    assert.throws(
      () => parsePrometheusRange(JSON.stringify({ status: 'error' }), 60),
      (e) => e instanceof MonitoringFormatError && e.path.startsWith('response'),
    );
  });

  test('a Prometheus range: runs of samples at 0 become windows up to the next sample that is up', () => {
    const body = JSON.stringify({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { __name__: 'probe_success', job: 'compute' },
            values: [
              [1000, '1'],
              [1060, '0'],
              [1120, '0'],
              [1180, '1'],
              [1240, '0'],
            ],
          },
        ],
      },
    });
    assert.deepEqual(
      parsePrometheusRange(body, 60, 'job').map((w) => [
        w.monitor,
        w.start.getTime() / 1000,
        w.end.getTime() / 1000,
      ]),
      [
        ['compute', 1060, 1180],
        ['compute', 1240, 1300],
      ],
    );
    assert.equal(parsePrometheusRange(body, 60)[0]?.monitor, 'job="compute"');
  });
});
