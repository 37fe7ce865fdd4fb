import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { insertControl } from '../../../../test/support/controls.js';
import { createServiceFixture, type ServiceFixture } from '../../../../test/support/service-fixture.js';
import {
  type CheckInput,
  type CheckPatch,
  checkInputSchema,
  checkPatchSchema,
} from '../../../contracts/checks.js';
import type { ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { createLogger } from '../../kernel/logging/logger.js';
import { pushCheckResult, runCheck } from './check-runner.js';
import { runDueChecks } from './checks.jobs.js';
import {
  createCheck as createCheckParsed,
  getCheck,
  updateCheck as updateCheckParsed,
} from './checks.service.js';
import { recordMetricSamples } from './metric-samples.service.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);
const logger = createLogger('silent');
/** The services take what the route schemas produce. */
const createCheck = (ctx: ServiceContext, input: CheckInput) =>
  createCheckParsed(ctx, checkInputSchema.parse(input));
const updateCheck = (ctx: ServiceContext, id: string, patch: CheckPatch) =>
  updateCheckParsed(ctx, id, checkPatchSchema.parse(patch));

const appError = (code: string, message?: RegExp) => (e: unknown) =>
  e instanceof AppError && e.code === code && (!message || message.test(e.message));

describe('checks', () => {
  let f: ServiceFixture;
  let manager: ServiceContext;
  let owner: { id: string; ctx: ServiceContext };
  let control: { id: string; ref: string };

  const controlFailing = async (controlId: string) =>
    (
      await sql<{
        failing: boolean;
      }>`SELECT EXISTS (SELECT 1 FROM check_controls cc JOIN checks k ON k.id = cc.check_id
        WHERE cc.control_id = ${controlId} AND k.status = 'failing') AS failing`.execute(f.handle.db)
    ).rows[0]?.failing;
  const tasksOf = (checkId: string) =>
    f.handle.db
      .selectFrom('tasks')
      .selectAll()
      .where('source_type', '=', 'check')
      .where('source_id', '=', checkId)
      .execute();
  const inboxOf = (userId: string) =>
    f.handle.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).execute();
  const sample = (value: number, observedAt: Date, subject = 'STO1') => ({
    metric: 'room-temperature',
    subject,
    value,
    observedAt: observedAt.toISOString(),
  });

  before(async () => {
    f = await createServiceFixture('Checks AB');
    manager = (await f.person('compliance-manager', 'Maja Manager')).ctx;
    owner = await f.person('contributor', 'Olle Owner');
    control = await insertControl(f.handle.db, f.organizationId, { ref: 'ENV-TEMP', ownerId: owner.id });
  });
  after(() => f.close());

  test('room temperature 18–23 °C: in range passes, 24.1 fails with a task, back in range closes it', async () => {
    const check = await createCheck(manager, {
      name: 'STO1 room temperature',
      kind: 'metric-threshold',
      config: {
        metric: 'room-temperature',
        subject: 'STO1',
        min: 18,
        max: 23,
        windowHours: 24,
        minSamples: 2,
      },
      schedule: '*/15 * * * *',
      evidenceValidityDays: 2,
      ownerId: owner.id,
      controlIds: [control.id],
    });
    assert.equal(check.status, 'unknown');
    const t0 = at(new Date(), -30 * HOUR);
    await recordMetricSamples(owner.ctx, {
      samples: [
        sample(21.0, at(t0, -2 * HOUR)),
        sample(22.5, at(t0, -HOUR)),
        sample(30, at(t0, -HOUR), 'OSL1'),
      ],
    });

    const pass = await runCheck(owner.ctx, check.id, t0);
    assert.equal(pass.outcome, 'pass', pass.summary);
    assert.match(pass.summary, /All 2 samples of room-temperature \(STO1\) within 18–23/);
    assert.equal(pass.observedAt, t0.toISOString());
    assert.equal(pass.expiresAt, at(t0, 2 * DAY).toISOString());
    assert.equal((await getCheck(manager, check.id)).status, 'passing');
    assert.equal(await controlFailing(control.id), false);
    const evidence = await f.handle.db
      .selectFrom('evidence_controls')
      .select('control_id')
      .where('evidence_id', '=', pass.evidenceId)
      .execute();
    assert.deepEqual(evidence, [{ control_id: control.id }], 'the result is evidence of the control');

    await recordMetricSamples(owner.ctx, { samples: [sample(24.1, at(t0, -30 * 60_000))] });
    const fail = await runCheck(owner.ctx, check.id, t0);
    assert.equal(fail.outcome, 'fail');
    assert.match(fail.summary, /1 of 3 samples .* outside 18–23.*latest 24\.1/);
    assert.deepEqual(
      (fail.details as { outsideSamples: { value: number }[] }).outsideSamples.map((s) => s.value),
      [24.1],
    );
    assert.equal((await getCheck(manager, check.id)).status, 'failing');
    assert.equal(await controlFailing(control.id), true);
    const [task] = await tasksOf(check.id);
    assert.equal(task?.status, 'open');
    assert.equal(task?.assignee_id, owner.id);
    assert.equal(task?.title, 'Check failing: STO1 room temperature');
    assert.equal((await inboxOf(owner.id)).length, 1);

    await runCheck(owner.ctx, check.id, at(t0, 60_000));
    assert.equal((await tasksOf(check.id)).length, 1, 'still failing: still one open task');
    assert.equal((await inboxOf(owner.id)).length, 1, 'and one notification for the episode');

    const t1 = at(t0, 25 * HOUR);
    await recordMetricSamples(owner.ctx, {
      samples: [sample(21.5, at(t1, -2 * HOUR)), sample(22.0, at(t1, -HOUR))],
    });
    const back = await runCheck(owner.ctx, check.id, t1);
    assert.equal(back.outcome, 'pass', back.summary);
    assert.equal(await controlFailing(control.id), false);
    const closed = await tasksOf(check.id);
    assert.deepEqual(
      closed.map((t) => t.status),
      ['done'],
    );
    const actions = (
      await f.handle.db.selectFrom('audit_events').select('action').orderBy('seq').execute()
    ).map((e) => e.action);
    for (const action of [
      'check.created',
      'metric-samples.recorded',
      'check.ran',
      'task.opened',
      'notifications.sent',
      'task.closed',
    ]) {
      assert.ok(actions.includes(action), `audited: ${action}`);
    }
  });

  test('too few samples in the window is a failure: nothing proves the range was kept', async () => {
    const check = await createCheck(manager, {
      name: 'OSL1 humidity',
      kind: 'metric-threshold',
      config: { metric: 'humidity', subject: 'OSL1', max: 60, windowHours: 1, minSamples: 3 },
      ownerId: null,
    });
    const result = await runCheck(manager, check.id);
    assert.equal(result.outcome, 'fail');
    assert.match(
      result.summary,
      /Only 0 sample\(s\) of humidity \(OSL1\) in the last 1 h; at least 3 needed/,
    );
    assert.equal(
      (await tasksOf(check.id))[0]?.assignee_id,
      null,
      'an unowned check opens an unassigned task',
    );
    await updateCheck(manager, check.id, { ownerId: owner.id });
    assert.equal((await tasksOf(check.id))[0]?.assignee_id, owner.id, 'a new owner takes over the open task');
  });

  test('freshness passes while the newest file or link evidence of its controls is recent enough', async () => {
    const drill = await insertControl(f.handle.db, f.organizationId, { ref: 'BCM-DRILL' });
    const check = await createCheck(manager, {
      name: 'Fire drill done',
      kind: 'freshness',
      config: { maxAgeDays: 30 },
      controlIds: [drill.id],
    });
    assert.match((await runCheck(manager, check.id)).summary, /No file or link evidence/);
    const addEvidence = async (daysAgo: number) => {
      const row = await f.handle.db
        .insertInto('evidence')
        .values({
          organization_id: f.organizationId,
          kind: 'link',
          title: `Drill ${daysAgo} days ago`,
          description: '',
          url: 'https://x.example',
          valid_from: new Date(Date.now() - daysAgo * DAY),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await f.handle.db
        .insertInto('evidence_controls')
        .values({ organization_id: f.organizationId, evidence_id: row.id, control_id: drill.id })
        .execute();
    };
    await addEvidence(40);
    const stale = await runCheck(manager, check.id);
    assert.equal(stale.outcome, 'fail');
    assert.match(stale.summary, /40 days ago; at most 30 allowed/);
    await addEvidence(10);
    const fresh = await runCheck(manager, check.id);
    assert.equal(fresh.outcome, 'pass', fresh.summary);
    assert.match(fresh.summary, /“Drill 10 days ago”/);
  });

  test('ci-push: pushed results set the status; silence past maxAgeHours fails on schedule; late pushes do not undo newer ones', async () => {
    const check = await createCheck(manager, {
      name: 'Backup restore test (CI)',
      kind: 'ci-push',
      config: { maxAgeHours: 24 },
      schedule: '0 * * * *',
      ownerId: owner.id,
      controlIds: [control.id],
    });
    const pushed = await pushCheckResult(owner.ctx, check.id, {
      outcome: 'pass',
      summary: 'Restored 3 of 3 volumes',
      details: { volumes: ['a', 'b', 'c'] },
    });
    assert.equal(pushed.trigger, 'push');
    assert.deepEqual(pushed.details, { volumes: ['a', 'b', 'c'] });
    assert.equal((await getCheck(manager, check.id)).status, 'passing');
    const again = await runCheck(manager, check.id);
    assert.equal(
      again.evidenceId,
      pushed.evidenceId,
      'run now shows the recent push instead of a new result',
    );

    const late = await pushCheckResult(owner.ctx, check.id, {
      outcome: 'fail',
      summary: 'an old failure, delivered late',
      observedAt: new Date(Date.now() - 3 * HOUR).toISOString(),
    });
    assert.equal(late.outcome, 'fail');
    assert.equal(
      (await getCheck(manager, check.id)).status,
      'passing',
      'a late push does not undo a newer pass',
    );

    const later = at(new Date(), 26 * HOUR);
    assert.ok((await runDueChecks(f.handle.db, logger, later)) >= 1);
    const status = await getCheck(manager, check.id);
    assert.equal(status.status, 'failing');
    const [result] = await f.handle.db
      .selectFrom('evidence')
      .select(['description', 'check_trigger'])
      .where('check_id', '=', check.id)
      .orderBy('valid_from', 'desc')
      .limit(1)
      .execute();
    assert.equal(result?.check_trigger, 'schedule');
    assert.match(result?.description ?? '', /No result pushed in the last 24 h/);

    const temperature = (
      await f.handle.db
        .selectFrom('checks')
        .select('id')
        .where('kind', '=', 'metric-threshold')
        .executeTakeFirstOrThrow()
    ).id;
    await assert.rejects(
      pushCheckResult(owner.ctx, temperature, { outcome: 'pass', summary: 'x' }),
      appError('CONFLICT', /ci-push checks only/),
    );
    await assert.rejects(
      pushCheckResult(owner.ctx, check.id, {
        outcome: 'pass',
        summary: 'x',
        observedAt: at(new Date(), DAY).toISOString(),
      }),
      appError('VALIDATION_FAILED', /future/),
    );
  });

  test('two schedulers at once run each due check once', async () => {
    const check = await createCheck(manager, {
      name: 'Hourly freshness',
      kind: 'freshness',
      config: { maxAgeDays: 1 },
      schedule: '0 * * * *',
    });
    await f.handle.db
      .updateTable('checks')
      .set({ last_run_at: at(new Date(), -2 * HOUR) })
      .where('id', '=', check.id)
      .execute();
    const now = new Date();
    await Promise.all([runDueChecks(f.handle.db, logger, now), runDueChecks(f.handle.db, logger, now)]);
    const results = await f.handle.db
      .selectFrom('evidence')
      .select('id')
      .where('check_id', '=', check.id)
      .execute();
    assert.equal(results.length, 1);
    assert.equal(await runDueChecks(f.handle.db, logger, now), 0, 'nothing is due right after');
  });

  test('schedules, configurations and stored JSON are validated', async () => {
    const base = { kind: 'freshness' as const, config: { maxAgeDays: 7 } };
    await assert.rejects(
      createCheck(manager, { ...base, name: 'Bad minute', schedule: '61 * * * *' }),
      appError('VALIDATION_FAILED', /minute field "61" is invalid/),
    );
    await assert.rejects(
      createCheck(manager, { ...base, name: 'Bad hour', schedule: '0 25 * * *' }),
      appError('VALIDATION_FAILED', /hour field "25"/),
    );
    for (const schedule of ['* * * *', '0 0 * * * *', '@daily']) {
      await assert.rejects(
        createCheck(manager, { ...base, name: 'Fields', schedule }),
        appError('VALIDATION_FAILED', /five fields/),
      );
    }
    await assert.rejects(
      createCheckParsed(manager, {
        ...checkInputSchema.parse({ ...base, name: 'No bounds' }),
        kind: 'metric-threshold',
        config: { metric: 'x', windowHours: 1, minSamples: 1 },
      }),
      (e: unknown) =>
        e instanceof AppError && e.code === 'VALIDATION_FAILED' && e.details?.[0]?.path === 'config.min',
    );
    const check = await createCheck(manager, { ...base, name: 'Weekly', schedule: ' 0  6 * *  1 ' });
    assert.equal(check.schedule, '0 6 * * 1');
    assert.ok(check.nextRunAt);
    await assert.rejects(
      updateCheck(manager, check.id, { config: { maxAgeHours: 3 } }),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === 'VALIDATION_FAILED' &&
        e.details?.[0]?.path === 'config.maxAgeDays',
    );
    const updated = await updateCheck(manager, check.id, { config: { maxAgeDays: 14 }, schedule: null });
    assert.deepEqual(updated.config, { maxAgeDays: 14 });
    assert.equal(updated.schedule, null);
    await assert.rejects(createCheck(manager, { ...base, name: 'Weekly' }), appError('CONFLICT'));
    await f.handle.db
      .updateTable('checks')
      .set({ config: '{"maxAgeDays":"soon"}' })
      .where('id', '=', check.id)
      .execute();
    await assert.rejects(getCheck(manager, check.id), appError('INTERNAL', /stored configuration/));
  });
});
