import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { Page } from '../../../contracts/paging.js';
import type {
  Acknowledgement,
  Campaign,
  CampaignPerson,
  PendingAcknowledgement,
  PolicyDetail,
} from '../../../contracts/policies.js';
import { sendPolicyReminders } from './policies.jobs.js';
import { addDays, isoDay } from './policy-dates.js';

describe('acknowledgement campaigns', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  let admin: ReturnType<typeof apiClient>;
  let viewer: ReturnType<typeof apiClient>;
  let contributor: ReturnType<typeof apiClient>;
  let docId: string;
  const inDays = (n: number) => isoDay(addDays(new Date(), n));

  const publish = async (id: string, number: number) => {
    const base = `/api/policies/${id}/versions/${number}`;
    await manager.expect(200, 'POST', `${base}/submit`);
    await admin.expect(200, 'POST', `${base}/approve`);
    return manager.expect<PolicyDetail>(200, 'POST', `${base}/publish`);
  };
  const notifications = (userId: string, kind: string) =>
    t.handle.db
      .selectFrom('notifications')
      .select(['dedupe_key', 'link'])
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .execute();

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
    admin = apiClient(t, await t.signIn('admin'));
    viewer = apiClient(t, await t.signIn('viewer'));
    contributor = apiClient(t, await t.signIn('contributor'));
    const doc = await manager.expect<PolicyDetail>(201, 'POST', '/api/policies', {
      title: 'Acceptable use policy',
      kind: 'policy',
      ownerId: t.users['compliance-manager'].id,
      classification: 'internal',
      body: 'Use company devices for company work.\n',
    });
    docId = doc.id;
  });
  after(() => t.close());

  test('a campaign needs a published version and a due date after today', async () => {
    const unpublished = await manager.expect<{ error: { message: string } }>(
      409,
      'POST',
      `/api/policies/${docId}/campaigns`,
      { audience: { type: 'all' }, dueOn: inDays(14) },
    );
    assert.match(unpublished.error.message, /no published version/);
    await publish(docId, 1);
    for (const dueOn of [inDays(0), inDays(-3)]) {
      const past = await manager.expect<{ error: { message: string; details: { path: string }[] } }>(
        400,
        'POST',
        `/api/policies/${docId}/campaigns`,
        { audience: { type: 'all' }, dueOn },
      );
      assert.match(past.error.message, /must be after today/);
      assert.deepEqual(
        past.error.details.map((d) => d.path),
        ['dueOn'],
      );
    }
    await manager.expect(400, 'POST', `/api/policies/${docId}/campaigns`, {
      audience: { type: 'roles', roles: ['janitor'] },
      dueOn: inDays(14),
    });
    await manager.expect(400, 'POST', `/api/policies/${docId}/campaigns`, {
      audience: { type: 'all' },
      dueOn: '2026-13-45',
    });
    const count = await t.handle.db.selectFrom('policy_campaigns').select('id').execute();
    assert.equal(count.length, 0);
  });

  test('people accept from their own account; figures, pending lists and reminders follow', async () => {
    const campaign = await manager.expect<Campaign>(201, 'POST', `/api/policies/${docId}/campaigns`, {
      audience: { type: 'roles', roles: ['viewer', 'contributor'] },
      dueOn: inDays(14),
    });
    assert.equal(campaign.targeted, 2);
    assert.equal(campaign.acknowledged, 0);
    assert.equal(campaign.versionNumber, 1);
    assert.equal(campaign.overdue, false);
    assert.equal((await notifications(t.users.viewer.id, 'policy-acknowledgement')).length, 1);
    assert.equal((await notifications(t.users.auditor.id, 'policy-acknowledgement')).length, 0);

    const mine = await viewer.expect<Page<PendingAcknowledgement>>(200, 'GET', '/api/me/acknowledgements');
    assert.deepEqual(
      mine.items.map((p) => [p.title, p.versionNumber]),
      [['Acceptable use policy', 1]],
    );
    const ack = await viewer.expect<Acknowledgement>(
      200,
      'POST',
      `/api/policies/${docId}/versions/1/acknowledge`,
    );
    assert.equal(ack.versionNumber, 1);
    const again = await viewer.expect<Acknowledgement>(
      200,
      'POST',
      `/api/policies/${docId}/versions/1/acknowledge`,
    );
    assert.equal(again.acknowledgedAt, ack.acknowledgedAt);
    assert.equal(
      (await viewer.expect<Page<PendingAcknowledgement>>(200, 'GET', '/api/me/acknowledgements')).total,
      0,
    );
    const detail = await viewer.expect<PolicyDetail>(200, 'GET', `/api/policies/${docId}`);
    assert.equal(detail.myAcknowledgedAt, ack.acknowledgedAt);

    const figures = await viewer.expect<Campaign>(200, 'GET', `/api/policy-campaigns/${campaign.id}`);
    assert.deepEqual([figures.acknowledged, figures.targeted], [1, 2]);
    // Someone who leaves no longer counts against completion, unless they had accepted.
    await t.handle.db
      .updateTable('users')
      .set({ status: 'disabled' })
      .where('id', '=', t.users.viewer.id)
      .execute();
    const left = await manager.expect<Campaign>(200, 'GET', `/api/policy-campaigns/${campaign.id}`);
    assert.deepEqual([left.acknowledged, left.targeted], [1, 2]);
    await t.handle.db
      .updateTable('users')
      .set({ status: 'disabled' })
      .where('id', '=', t.users.contributor.id)
      .execute();
    const none = await manager.expect<Campaign>(200, 'GET', `/api/policy-campaigns/${campaign.id}`);
    assert.deepEqual([none.acknowledged, none.targeted], [1, 1]);
    await t.handle.db
      .updateTable('users')
      .set({ status: 'active' })
      .where('id', 'in', [t.users.viewer.id, t.users.contributor.id])
      .execute();
    const pending = await manager.expect<Page<CampaignPerson>>(
      200,
      'GET',
      `/api/policy-campaigns/${campaign.id}/people?state=pending`,
    );
    assert.deepEqual(
      pending.items.map((p) => p.userId),
      [t.users.contributor.id],
    );
    await viewer.expect(403, 'GET', `/api/policy-campaigns/${campaign.id}/people`);

    const reminded = await manager.expect<{ reminded: number }>(
      200,
      'POST',
      `/api/policy-campaigns/${campaign.id}/remind`,
    );
    assert.equal(reminded.reminded, 1);
    const sameDay = await manager.expect<{ reminded: number }>(
      200,
      'POST',
      `/api/policy-campaigns/${campaign.id}/remind`,
    );
    assert.equal(sameDay.reminded, 0, 'one reminder per person and day');
    assert.equal((await notifications(t.users.viewer.id, 'policy-acknowledgement-reminder')).length, 0);

    // The due date passes: the contributor is overdue and the daily job reminds them, once that day.
    await t.handle.db
      .updateTable('policy_campaigns')
      .set({ due_at: new Date('2020-01-01T00:00:00Z') })
      .where('id', '=', campaign.id)
      .execute();
    const late = await manager.expect<Page<CampaignPerson>>(
      200,
      'GET',
      `/api/policy-campaigns/${campaign.id}/people`,
    );
    assert.deepEqual(
      late.items.map((p) => [p.role, p.overdue]),
      [
        ['contributor', true],
        ['viewer', false],
      ],
    );
    const tomorrow = addDays(new Date(), 1);
    assert.ok((await sendPolicyReminders(t.handle.db, tomorrow)) >= 1);
    assert.equal(await sendPolicyReminders(t.handle.db, tomorrow), 0);
    assert.equal((await notifications(t.users.contributor.id, 'policy-acknowledgement-reminder')).length, 2);
  });

  test('a new version does not carry over acknowledgements of the old one', async () => {
    await manager.expect(201, 'POST', `/api/policies/${docId}/versions`, {
      body: 'Use company devices for company work only.\n',
      changeSummary: 'Clarified',
    });
    await publish(docId, 2);
    const detail = await viewer.expect<PolicyDetail>(200, 'GET', `/api/policies/${docId}`);
    assert.equal(detail.myAcknowledgedAt, null);
    const stale = await viewer.expect<{ error: { message: string } }>(
      409,
      'POST',
      `/api/policies/${docId}/versions/1/acknowledge`,
    );
    assert.match(stale.error.message, /only the published version can be accepted/);
    // The old campaign's version is no longer published: nobody is asked to read it any more.
    assert.equal(
      (await contributor.expect<Page<PendingAcknowledgement>>(200, 'GET', '/api/me/acknowledgements')).total,
      0,
    );
    const campaign = await manager.expect<Campaign>(201, 'POST', `/api/policies/${docId}/campaigns`, {
      audience: { type: 'all' },
      dueOn: inDays(7),
    });
    const active = await t.handle.db
      .selectFrom('users')
      .select('id')
      .where('organization_id', '=', t.organizationId)
      .where('status', '=', 'active')
      .execute();
    assert.equal(campaign.targeted, active.length);
    assert.equal(campaign.acknowledged, 0);
    await manager.expect(409, 'POST', `/api/policies/${docId}/campaigns`, {
      audience: { type: 'all' },
      dueOn: inDays(7),
    });
    const list = await viewer.expect<Page<Campaign>>(200, 'GET', `/api/policies/${docId}/campaigns`);
    assert.deepEqual(
      list.items.map((c) => [c.versionNumber, c.current]),
      [
        [2, true],
        [1, false],
      ],
    );
  });

  test('review reminders reach the owner once per published version', async () => {
    await t.handle.db
      .updateTable('policy_documents')
      .set({ next_review_at: addDays(new Date(), 10) })
      .where('id', '=', docId)
      .execute();
    await sendPolicyReminders(t.handle.db);
    await sendPolicyReminders(t.handle.db);
    const owner = await notifications(t.users['compliance-manager'].id, 'policy-review-due');
    assert.equal(owner.length, 1);
    assert.equal(owner[0]?.link, `/policies/${docId}`);
  });
});
