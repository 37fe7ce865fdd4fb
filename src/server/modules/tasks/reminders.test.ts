import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertControl } from '../../../../test/support/controls.js';
import { createServiceFixture, type ServiceFixture } from '../../../../test/support/service-fixture.js';
import { inTransaction } from '../../kernel/context.js';
import { sendReminders } from './reminders.jobs.js';
import { openTaskForSource } from './task-sources.js';

const DAY = 86_400_000;

describe('daily reminders', () => {
  let f: ServiceFixture;
  let owner: string;

  const evidence = async (
    controlId: string,
    title: string,
    validFromDays: number,
    expiresDays: number | null,
  ) => {
    const now = Date.now();
    const row = await f.handle.db
      .insertInto('evidence')
      .values({
        organization_id: f.organizationId,
        kind: 'link',
        title,
        description: '',
        url: 'https://x.example',
        valid_from: new Date(now + validFromDays * DAY),
        expires_at: expiresDays === null ? null : new Date(now + expiresDays * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await f.handle.db
      .insertInto('evidence_controls')
      .values({ organization_id: f.organizationId, evidence_id: row.id, control_id: controlId })
      .execute();
    return row.id;
  };
  const inbox = () =>
    f.handle.db
      .selectFrom('notifications')
      .select(['kind', 'title', 'link'])
      .where('user_id', '=', owner)
      .orderBy('title')
      .execute();

  before(async () => {
    f = await createServiceFixture('Reminders AB');
    owner = (await f.person('contributor', 'Olga Owner')).id;
  });
  after(() => f.close());

  test('owners hear about evidence that expired or expires within 14 days, once, unless newer evidence lasts', async () => {
    const expiring = await insertControl(f.handle.db, f.organizationId, { ref: 'DR-TEST', ownerId: owner });
    const expired = await insertControl(f.handle.db, f.organizationId, {
      ref: 'ACCESS-REVIEW',
      ownerId: owner,
    });
    const covered = await insertControl(f.handle.db, f.organizationId, { ref: 'FIRE-ROUND', ownerId: owner });
    const unowned = await insertControl(f.handle.db, f.organizationId, { ref: 'NO-OWNER' });
    await evidence(expiring.id, 'DR test 2025', -350, 10);
    await evidence(expired.id, 'Access review Q1', -100, -5);
    await evidence(covered.id, 'Fire round March', -60, 3);
    await evidence(covered.id, 'Fire round April', -20, 200);
    await evidence(unowned.id, 'Unowned', -20, 3);
    await evidence(expiring.id, 'Far future expiry elsewhere', -1, 400).then(async (id) => {
      // Linked to another control only, so it does not cover DR-TEST.
      await f.handle.db.deleteFrom('evidence_controls').where('evidence_id', '=', id).execute();
    });

    assert.equal(await sendReminders(f.handle.db), 2);
    const notes = await inbox();
    assert.deepEqual(
      notes.map((n) => [n.kind, n.title.replace(/\d{4}-\d{2}-\d{2}/, 'DATE'), n.link]),
      [
        ['evidence-expiring', 'Evidence for DR-TEST expires on DATE', `/controls/${expiring.id}`],
        ['evidence-expired', 'Evidence for ACCESS-REVIEW expired on DATE', `/controls/${expired.id}`],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    assert.equal(await sendReminders(f.handle.db), 0, 'the next day adds nothing new');
    const audit = await f.handle.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'notifications.sent')
      .execute();
    assert.equal(audit.length, 2);
  });

  test('owners of failing checks are reminded once per failing episode', async () => {
    const check = await f.handle.db
      .insertInto('checks')
      .values({
        organization_id: f.organizationId,
        name: 'UPS battery',
        description: '',
        kind: 'freshness',
        config: JSON.stringify({ maxAgeDays: 30 }),
        evidence_validity_days: 7,
        owner_id: owner,
        status: 'failing',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await inTransaction(f.system, (tx) =>
      openTaskForSource(tx, {
        sourceType: 'check',
        sourceId: check.id,
        title: 'Check failing: UPS battery',
        description: 'No evidence in 30 days',
        assigneeId: owner,
      }),
    );
    assert.equal(await sendReminders(f.handle.db), 1);
    assert.equal(await sendReminders(f.handle.db), 0);
    const note = (await inbox()).find((n) => n.kind === 'check-failing');
    assert.deepEqual(note, {
      kind: 'check-failing',
      title: 'Check failing: UPS battery',
      link: `/checks/${check.id}`,
    });
  });
});
