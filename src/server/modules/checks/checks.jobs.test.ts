import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createServiceFixture, type ServiceFixture } from '../../../../test/support/service-fixture.js';
import { startJobRunner } from '../../kernel/jobs/job-runner.js';
import { createLogger } from '../../kernel/logging/logger.js';
import { moduleJobs } from '../index.js';
import { isDue, nextSlot, previousSlot } from './check-schedule.js';

describe('scheduled checks and reminders as pg-boss jobs', () => {
  let f: ServiceFixture;
  before(async () => {
    f = await createServiceFixture('Jobs AB');
  });
  after(() => f.close());

  test('a check is due once a slot of its schedule passed since it last ran', () => {
    const at = (iso: string) => new Date(iso);
    assert.equal(
      previousSlot('*/15 * * * *', at('2026-03-01T10:07:00Z')).toISOString(),
      '2026-03-01T10:00:00.000Z',
    );
    assert.equal(nextSlot('0 6 * * 1', at('2026-03-01T10:07:00Z')).toISOString(), '2026-03-02T06:00:00.000Z');
    assert.equal(isDue('0 * * * *', at('2026-03-01T09:59:00Z'), at('2026-03-01T10:00:30Z')), true);
    assert.equal(isDue('0 * * * *', at('2026-03-01T10:00:10Z'), at('2026-03-01T10:59:59Z')), false);
  });

  test('the module jobs register their schedules with fixed names', async () => {
    const mine = new Set(['checks-run-due', 'reminders-daily']);
    const jobs = moduleJobs(f.handle.db, createLogger('silent')).filter((j) => mine.has(j.name));
    assert.deepEqual(
      jobs.map((j) => [j.name, j.cron]),
      [
        ['checks-run-due', '* * * * *'],
        ['reminders-daily', '5 6 * * *'],
      ],
    );
    const runner = await startJobRunner(f.handle.pool, createLogger('silent'), jobs, {
      pollingIntervalSeconds: 0.5,
    });
    try {
      const schedules = await sql<{
        name: string;
        cron: string;
      }>`SELECT name, cron FROM pgboss.schedule ORDER BY name`.execute(f.handle.db);
      assert.deepEqual(
        schedules.rows.map((r) => [r.name, r.cron]),
        [
          ['checks-run-due', '* * * * *'],
          ['reminders-daily', '5 6 * * *'],
        ],
      );
    } finally {
      await runner.stop();
    }
  });
});
