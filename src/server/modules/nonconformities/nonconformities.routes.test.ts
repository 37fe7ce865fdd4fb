import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { NcCounts, NcDetail, NcSummary } from '../../../contracts/nonconformities.js';
import type { Page } from '../../../contracts/paging.js';
import { raiseNonconformity } from './index.js';

type Client = ReturnType<typeof apiClient>;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('nonconformities', () => {
  let t: TestApp;
  let manager: Client;
  let admin: Client;
  let contributor: Client;
  let viewer: Client;

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
    admin = apiClient(t, await t.signIn('admin'));
    contributor = apiClient(t, await t.signIn('contributor'));
    viewer = apiClient(t, await t.signIn('viewer'));
  });
  after(() => t.close());

  const raise = (extra: Record<string, unknown> = {}) =>
    manager.expect<NcDetail>(201, 'POST', '/api/nonconformities', {
      source: 'complaint',
      sourceRef: 'Ticket 4711',
      severity: 'minor',
      description: 'A customer was sent another customer’s invoice',
      ownerId: t.users['compliance-manager'].id,
      ...extra,
    });
  const status = (c: Client, id: string, to: string) =>
    c.call('POST', `/api/nonconformities/${id}/status`, { status: to });
  const refused = async (res: Awaited<ReturnType<Client['call']>>, code: number, pattern: RegExp) => {
    assert.equal(res.statusCode, code, res.body);
    const { message, details } = res.json().error;
    assert.match(`${message} ${JSON.stringify(details ?? [])}`, pattern);
  };

  test('the whole lifecycle: correction, root cause, corrective action, verification by another person, closed', async () => {
    const nc = await raise();
    assert.match(nc.ref, /^NC-\d{3}$/);
    assert.equal(nc.status, 'open');
    assert.equal(nc.raisedOn, day(0));
    assert.equal((await status(manager, nc.id, 'correction')).statusCode, 200);
    await manager.expect(200, 'PATCH', `/api/nonconformities/${nc.id}`, {
      correction: 'Invoice recalled and the customer informed',
    });
    await refused(
      await status(manager, nc.id, 'corrective-action'),
      400,
      /Record the root cause of NC-\d+ before corrective action/,
    );
    await manager.expect(200, 'PATCH', `/api/nonconformities/${nc.id}`, {
      rootCause: 'The billing export joined on a non-unique customer number',
    });
    await refused(await status(manager, nc.id, 'closed'), 409, /no corrective action yet/);
    assert.equal((await status(manager, nc.id, 'corrective-action')).statusCode, 200);
    await refused(await status(manager, nc.id, 'verification'), 409, /no corrective action yet/);

    const actionBody = {
      description: 'Join on the unique customer id and add a test',
      ownerId: t.users.contributor.id,
    };
    await refused(
      await manager.call('POST', `/api/nonconformities/${nc.id}/actions`, { ...actionBody, dueDate: day(0) }),
      400,
      /must be after the day NC-\d+ was raised/,
    );
    await refused(
      await manager.call('POST', `/api/nonconformities/${nc.id}/actions`, {
        ...actionBody,
        dueDate: day(14),
        ownerId: UNKNOWN,
      }),
      400,
      /Unknown action owner/,
    );
    const withAction = await manager.expect<NcDetail>(201, 'POST', `/api/nonconformities/${nc.id}/actions`, {
      ...actionBody,
      dueDate: day(14),
    });
    const action = withAction.actions[0];
    assert.ok(action);
    assert.equal(action.overdue, false);
    await refused(
      await status(manager, nc.id, 'verification'),
      409,
      /must be done first; not done: "Join on the unique/,
    );
    await refused(await status(manager, nc.id, 'closed'), 409, /must be done first/);

    await viewer.expect(403, 'PATCH', `/api/corrective-actions/${action.id}`, { done: true });
    await contributor.expect(403, 'PATCH', `/api/corrective-actions/${action.id}`, { dueDate: day(30) });
    const done = await contributor.expect<NcDetail>(200, 'PATCH', `/api/corrective-actions/${action.id}`, {
      done: true,
    });
    assert.ok(done.actions[0]?.doneAt);

    await refused(
      await manager.call('POST', `/api/nonconformities/${nc.id}/verifications`, { result: 'effective' }),
      409,
      /submit it for verification/,
    );
    assert.equal((await status(manager, nc.id, 'verification')).statusCode, 200);
    await refused(await status(manager, nc.id, 'closed'), 409, /before its effectiveness has been verified/);

    const notEffective = await manager.expect<NcDetail>(
      201,
      'POST',
      `/api/nonconformities/${nc.id}/verifications`,
      {
        result: 'not-effective',
        notes: 'The same join exists in the credit-note export',
      },
    );
    assert.equal(notEffective.status, 'corrective-action', 'not effective reopens corrective action');
    const second = await manager.expect<NcDetail>(201, 'POST', `/api/nonconformities/${nc.id}/actions`, {
      description: 'Fix the credit-note export too',
      ownerId: t.users.admin.id,
      dueDate: day(7),
    });
    const secondAction = second.actions[1];
    assert.ok(secondAction);
    await admin.expect(200, 'PATCH', `/api/corrective-actions/${secondAction.id}`, { done: true });
    assert.equal((await status(manager, nc.id, 'verification')).statusCode, 200);
    await refused(
      await admin.call('POST', `/api/nonconformities/${nc.id}/verifications`, { result: 'effective' }),
      403,
      /someone other than the action owner; you own "Fix the credit-note export too"/,
    );
    await manager.expect(201, 'POST', `/api/nonconformities/${nc.id}/verifications`, {
      result: 'effective',
      notes: 'Sampled 200 invoices, all correct',
    });
    const closed = await manager.expect<NcDetail>(200, 'POST', `/api/nonconformities/${nc.id}/status`, {
      status: 'closed',
    });
    assert.equal(closed.status, 'closed');
    assert.ok(closed.closedAt);
    assert.equal(closed.verifications.length, 2);
    await refused(
      await manager.call('PATCH', `/api/nonconformities/${nc.id}`, { description: 'Rewritten' }),
      409,
      /is closed/,
    );
    const actions = await auditActions(t);
    for (const a of [
      'nonconformity.raised',
      'nonconformity.status-changed',
      'corrective-action.added',
      'corrective-action.updated',
      'nonconformity.verified',
    ])
      assert.ok(actions.includes(a), a);
  });

  test('steps cannot be skipped and bad input is refused without writing anything', async () => {
    const nc = await raise({ severity: 'major' });
    await refused(await status(manager, nc.id, 'corrective-action'), 400, /root cause/);
    await manager.expect(200, 'PATCH', `/api/nonconformities/${nc.id}`, { rootCause: 'Known' });
    await refused(
      await status(manager, nc.id, 'corrective-action'),
      409,
      /is in open; the next step is correction/,
    );
    const before = (await viewer.expect<Page<NcSummary>>(200, 'GET', '/api/nonconformities')).total;
    await refused(
      await manager.call('POST', '/api/nonconformities', {
        source: 'rumour',
        severity: 'minor',
        description: 'x',
      }),
      400,
      /source/,
    );
    await refused(
      await manager.call('POST', '/api/nonconformities', {
        source: 'other',
        severity: 'minor',
        description: ' ',
      }),
      400,
      /Describe the nonconformity/,
    );
    await refused(
      await manager.call('POST', '/api/nonconformities', {
        source: 'other',
        severity: 'minor',
        description: 'x',
        ownerId: UNKNOWN,
      }),
      400,
      /Unknown owner/,
    );
    assert.equal((await viewer.expect<Page<NcSummary>>(200, 'GET', '/api/nonconformities')).total, before);
    await manager.expect(404, 'GET', `/api/nonconformities/${UNKNOWN}`);
    await manager.expect(404, 'PATCH', `/api/corrective-actions/${UNKNOWN}`, { done: true });
    await manager.expect(404, 'POST', `/api/nonconformities/${UNKNOWN}/verifications`, {
      result: 'effective',
    });
    await contributor.expect(403, 'POST', '/api/nonconformities', {
      source: 'other',
      severity: 'minor',
      description: 'x',
    });
    await viewer.expect(403, 'POST', `/api/nonconformities/${nc.id}/status`, { status: 'correction' });
  });

  test('other modules raise nonconformities; overdue actions are counted and filtered', async () => {
    const fromCheck = await raiseNonconformity(t.systemContext(), {
      source: 'failing-check',
      sourceRef: 'Room temperature STO1',
      severity: 'minor',
      description: 'STO1 was above +23 °C for two hours',
    });
    assert.equal(fromCheck.source, 'failing-check');
    await status(manager, fromCheck.id, 'correction');
    await manager.expect(200, 'PATCH', `/api/nonconformities/${fromCheck.id}`, {
      rootCause: 'A cooling unit failed',
    });
    await status(manager, fromCheck.id, 'corrective-action');
    const { actions } = await manager.expect<NcDetail>(
      201,
      'POST',
      `/api/nonconformities/${fromCheck.id}/actions`,
      {
        description: 'Replace the cooling unit',
        ownerId: t.users.contributor.id,
        dueDate: day(3),
      },
    );
    const action = actions[0];
    assert.ok(action);
    // A due date in the past can only be the result of time passing, so the test moves it there directly.
    await t.handle.db
      .updateTable('corrective_actions')
      .set({ due_date: day(-2) })
      .where('id', '=', action.id)
      .execute();
    const counts = await viewer.expect<NcCounts>(200, 'GET', '/api/nonconformities/counts');
    assert.equal(counts.overdueActions, 1);
    const overdue = await viewer.expect<Page<NcSummary>>(200, 'GET', '/api/nonconformities?overdue=true');
    assert.deepEqual(
      overdue.items.map((n) => n.id),
      [fromCheck.id],
    );
    assert.equal(overdue.items[0]?.overdueActions, 1);
    const detail = await viewer.expect<NcDetail>(200, 'GET', `/api/nonconformities/${fromCheck.id}`);
    assert.equal(detail.actions[0]?.overdue, true);
    const bySource = await viewer.expect<Page<NcSummary>>(
      200,
      'GET',
      '/api/nonconformities?source=failing-check',
    );
    assert.equal(bySource.total, 1);
    await refused(await viewer.call('GET', '/api/nonconformities?status=sleeping'), 400, /status/);
  });
});
