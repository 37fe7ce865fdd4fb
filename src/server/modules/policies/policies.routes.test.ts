import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { Page } from '../../../contracts/paging.js';
import type {
  PolicyDetail,
  PolicyDiff,
  PolicySummary,
  PolicyVersion,
  PolicyVersionSummary,
} from '../../../contracts/policies.js';
import { addMonths, isoDay } from './policy-dates.js';

describe('policies', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  let admin: ReturnType<typeof apiClient>;
  let viewer: ReturnType<typeof apiClient>;

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
    admin = apiClient(t, await t.signIn('admin'));
    viewer = apiClient(t, await t.signIn('viewer'));
  });
  after(() => t.close());

  const create = (title: string, body = '# Purpose\n\nKeep data safe.\n') =>
    manager.expect<PolicyDetail>(201, 'POST', '/api/policies', {
      title,
      kind: 'policy',
      ownerId: t.users['compliance-manager'].id,
      classification: 'internal',
      reviewIntervalMonths: 12,
      body,
    });

  test('draft → in review → approved → published, with the approver and review date recorded', async () => {
    const doc = await create(
      'Information security policy',
      '# Purpose\n\n<script>x</script> **Keep** data safe.\n',
    );
    assert.equal(doc.open?.number, 1);
    assert.equal(doc.open?.status, 'draft');
    assert.equal(doc.published, null);
    assert.equal(doc.nextReviewOn, null);
    assert.match(doc.open?.bodyHtml ?? '', /<strong>Keep<\/strong>/);
    assert.doesNotMatch(doc.open?.bodyHtml ?? '', /<script>/);

    const base = `/api/policies/${doc.id}/versions/1`;
    const submitted = await manager.expect<PolicyDetail>(200, 'POST', `${base}/submit`);
    assert.equal(submitted.openStatus, 'in-review');
    // Publishing skips approval: refused.
    const early = await manager.expect<{ error: { message: string } }>(409, 'POST', `${base}/publish`);
    assert.match(early.error.message, /only approved version can be published/);

    const refused = await manager.expect<{ error: { code: string; message: string } }>(
      403,
      'POST',
      `${base}/approve`,
    );
    assert.equal(refused.error.code, 'FORBIDDEN');
    assert.match(refused.error.message, /four eyes/);
    await viewer.expect(403, 'POST', `${base}/approve`);

    const approved = await admin.expect<PolicyDetail>(200, 'POST', `${base}/approve`);
    assert.equal(approved.open?.status, 'approved');
    assert.equal(approved.open?.approverId, t.users.admin.id);
    assert.equal(approved.open?.approverName, 'Test admin');

    const published = await manager.expect<PolicyDetail>(200, 'POST', `${base}/publish`);
    assert.equal(published.open, null);
    assert.equal(published.published?.number, 1);
    assert.ok(published.published?.publishedAt);
    assert.equal(published.nextReviewOn, isoDay(addMonths(new Date(), 12)));
    assert.equal(published.overdue, false);

    const actions = await auditActions(t);
    for (const a of [
      'policy.created',
      'policy.version-drafted',
      'policy.version-submitted',
      'policy.version-approved',
      'policy.version-published',
    ])
      assert.ok(actions.includes(a), a);
  });

  test('a submitted body is immutable; only one version is worked on at a time; diff between versions', async () => {
    const doc = await create('Access control policy', 'Line one\nKeys rotate yearly.\nLine three\n');
    const v1 = `/api/policies/${doc.id}/versions/1`;
    const edited = await manager.expect<PolicyVersion>(200, 'PATCH', v1, {
      body: 'Line one\nKeys rotate yearly.\nLine three\nLine four\n',
    });
    assert.match(edited.body, /Line four/);
    await manager.expect(200, 'POST', `${v1}/submit`);
    const frozen = await manager.expect<{ error: { message: string } }>(409, 'PATCH', v1, {
      body: 'changed',
    });
    assert.match(frozen.error.message, /can no longer be edited; start a new draft/);
    const second = await manager.expect<{ error: { message: string } }>(
      409,
      'POST',
      `/api/policies/${doc.id}/versions`,
      { body: 'another' },
    );
    assert.match(second.error.message, /only one version can be worked on at a time/);
    await admin.expect(200, 'POST', `${v1}/approve`);
    await manager.expect(200, 'POST', `${v1}/publish`);

    const draft = await manager.expect<PolicyDetail>(201, 'POST', `/api/policies/${doc.id}/versions`, {
      body: 'Line one\nKeys rotate every 90 days.\nLine three\nLine four\n',
      changeSummary: 'Shorter key rotation',
    });
    assert.equal(draft.open?.number, 2);
    assert.equal(draft.publishedNumber, 1);
    const diff = await viewer.expect<PolicyDiff>(200, 'GET', `/api/policies/${doc.id}/diff?from=1&to=2`);
    assert.equal(diff.added, 1);
    assert.equal(diff.removed, 1);
    assert.deepEqual(
      diff.hunks.flatMap((h) => h.lines.filter((l) => l.kind !== 'context')),
      [
        { kind: 'removed', text: 'Keys rotate yearly.' },
        { kind: 'added', text: 'Keys rotate every 90 days.' },
      ],
    );
    await viewer.expect(404, 'GET', `/api/policies/${doc.id}/diff?from=1&to=9`);

    const v2 = `/api/policies/${doc.id}/versions/2`;
    await manager.expect(200, 'POST', `${v2}/submit`);
    await admin.expect(200, 'POST', `${v2}/return`, { reason: 'Say who rotates the keys' });
    await manager.expect(200, 'PATCH', v2, { body: 'Line one\nOps rotates keys every 90 days.\n' });
    await manager.expect(200, 'POST', `${v2}/submit`);
    await admin.expect(200, 'POST', `${v2}/approve`);
    const republished = await manager.expect<PolicyDetail>(200, 'POST', `${v2}/publish`);
    assert.equal(republished.publishedNumber, 2);
    const history = await viewer.expect<Page<PolicyVersionSummary>>(
      200,
      'GET',
      `/api/policies/${doc.id}/versions`,
    );
    assert.deepEqual(
      history.items.map((v) => `${v.number}:${v.status}`),
      ['2:published', '1:superseded'],
    );
    const old = await viewer.expect<PolicyVersion>(200, 'GET', v1);
    assert.match(old.body, /Keys rotate yearly/);
  });

  test('overdue reviews are filtered and counted', async () => {
    const doc = await create('Backup procedure');
    const v1 = `/api/policies/${doc.id}/versions/1`;
    await manager.expect(200, 'POST', `${v1}/submit`);
    await admin.expect(200, 'POST', `${v1}/approve`);
    await manager.expect(200, 'POST', `${v1}/publish`);
    await t.handle.db
      .updateTable('policy_documents')
      .set({ next_review_at: new Date('2020-01-01T00:00:00Z') })
      .where('id', '=', doc.id)
      .execute();
    const overdue = await viewer.expect<Page<PolicySummary>>(200, 'GET', '/api/policies?overdue=true');
    assert.deepEqual(
      overdue.items.map((p) => p.title),
      ['Backup procedure'],
    );
    assert.equal(overdue.total, 1);
    assert.equal(overdue.items[0]?.overdue, true);
    const notOverdue = await viewer.expect<Page<PolicySummary>>(200, 'GET', '/api/policies?overdue=false');
    assert.ok(notOverdue.items.every((p) => p.title !== 'Backup procedure'));
    assert.ok(notOverdue.total >= 2);
  });

  test('bad input: unknown owner, invalid classification, empty title; nothing is written', async () => {
    const before = await t.handle.db.selectFrom('policy_documents').select('id').execute();
    const unknown = await manager.expect<{ error: { message: string } }>(400, 'POST', '/api/policies', {
      title: 'Ghost-owned',
      kind: 'policy',
      ownerId: '00000000-0000-4000-8000-000000000000',
      classification: 'internal',
    });
    assert.match(unknown.error.message, /Unknown owner/);
    const badClass = await manager.expect<{ error: { details: { path: string }[] } }>(
      400,
      'POST',
      '/api/policies',
      { title: 'Secret', kind: 'policy', ownerId: t.users.viewer.id, classification: 'top-secret' },
    );
    assert.ok(badClass.error.details.some((d) => d.path === 'classification'));
    await manager.expect(400, 'POST', '/api/policies', {
      title: ' ',
      kind: 'policy',
      ownerId: t.users.viewer.id,
      classification: 'public',
    });
    await manager.expect(400, 'GET', '/api/policies?classification=secret');
    const after = await t.handle.db.selectFrom('policy_documents').select('id').execute();
    assert.equal(after.length, before.length);
    await viewer.expect(403, 'POST', '/api/policies', {
      title: 'x',
      kind: 'policy',
      ownerId: t.users.viewer.id,
      classification: 'public',
    });
  });

  test('changing the review interval moves the next review date; an empty draft cannot be submitted', async () => {
    const doc = await create('Continuity plan');
    const v1 = `/api/policies/${doc.id}/versions/1`;
    await manager.expect(200, 'POST', `${v1}/submit`);
    await admin.expect(200, 'POST', `${v1}/approve`);
    await manager.expect(200, 'POST', `${v1}/publish`);
    const changed = await manager.expect<PolicyDetail>(200, 'PATCH', `/api/policies/${doc.id}`, {
      reviewIntervalMonths: 6,
      classification: 'customer-on-request',
    });
    assert.equal(changed.nextReviewOn, isoDay(addMonths(new Date(), 6)));
    assert.equal(changed.classification, 'customer-on-request');
    const empty = await create('Empty plan', '');
    const refused = await manager.expect<{ error: { message: string } }>(
      400,
      'POST',
      `/api/policies/${empty.id}/versions/1/submit`,
    );
    assert.match(refused.error.message, /has no text/);
  });
});
