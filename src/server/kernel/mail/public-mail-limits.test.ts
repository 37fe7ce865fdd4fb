import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { PUBLIC_MAILS_PER_RECIPIENT_PER_HOUR } from './mail-limits.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const PER_ADDRESS_PER_MINUTE = 10;

/**
 * Public forms that send mail are limited per client address (429 past the limit) and per recipient (past
 * the limit the form answers exactly as before and mails nothing). Counters are in the database, so the
 * concurrent case is meaningful on PostgreSQL (TILLIT_TEST_DATABASE_URL).
 */
describe('public forms that send mail: per-address and per-recipient limits', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ TILLIT_LOGIN_RATE_LIMIT: String(PER_ADDRESS_PER_MINUTE) });
    const admin = apiClient(t, await t.signIn('admin'));
    await admin.expect(200, 'PUT', '/api/trust-center/settings', {
      title: 'Norrsken trust center',
      intro: 'How we keep your data safe.',
      accentColor: '#1f5f8b',
      logoText: 'Norrsken Cloud',
      slaText: '99.9 % availability per month.',
      drText: 'A second data centre as DR site.',
      customDomain: null,
      published: true,
    });
  });
  after(() => t.close());

  const post = (url: string, email: string, remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: FORM,
      remoteAddress,
      payload: new URLSearchParams({ email }).toString(),
    });
  const mailsTo = async (to: string) =>
    t.handle.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', to)
      .orderBy('created_at')
      .execute();

  test('30 subscribe posts for one victim from one address: 429 past the address limit, at most 3 mails', async () => {
    const victim = 'victim-one@example.se';
    const statuses: number[] = [];
    const bodies = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const res = await post('/trust/subprocessors/subscribe', victim, '198.51.100.7');
      statuses.push(res.statusCode);
      if (res.statusCode === 200) bodies.add(res.body);
    }
    assert.deepEqual(statuses.slice(0, PER_ADDRESS_PER_MINUTE), Array(PER_ADDRESS_PER_MINUTE).fill(200));
    assert.ok(
      statuses.slice(PER_ADDRESS_PER_MINUTE).every((s) => s === 429),
      statuses.join(','),
    );
    assert.equal(bodies.size, 1, 'every accepted post gets the same page, mailed or not');
    assert.equal((await mailsTo(victim)).length, PUBLIC_MAILS_PER_RECIPIENT_PER_HOUR);
  });

  test('30 subscribe posts for one victim from 30 addresses, all at once: the same page, at most 3 mails', async () => {
    const victim = 'victim-two@example.se';
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post('/trust/subprocessors/subscribe', victim, `203.0.113.${i + 1}`),
      ),
    );
    assert.ok(responses.every((r) => r.statusCode === 200));
    assert.equal(new Set(responses.map((r) => r.body)).size, 1);
    assert.equal((await mailsTo(victim)).length, PUBLIC_MAILS_PER_RECIPIENT_PER_HOUR);
  });

  test('a sign-in link request does the same for an address with access and without: one mail each, capped', async () => {
    const granted = 'has-access@kund.example';
    const stranger = 'no-access@kund.example';
    const request = await t.handle.db
      .insertInto('trust_document_requests')
      .values({
        organization_id: t.organizationId,
        name: 'Åsa Berg',
        email: granted,
        company: 'Kund AB',
        reason: 'Assessment',
        status: 'approved',
        verify_token_hash: 'x'.repeat(64),
        verify_expires_at: new Date(Date.now() + 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.handle.db
      .insertInto('trust_access_grants')
      .values({
        organization_id: t.organizationId,
        request_id: request.id,
        email: granted,
        expires_at: new Date(Date.now() + 30 * 86_400_000),
      })
      .execute();
    const bodies = new Set<string>();
    for (let i = 0; i < 6; i++) {
      for (const email of [granted, stranger]) {
        const res = await post('/trust/documents/sign-in-links', email, `192.0.2.${i + 1}`);
        assert.equal(res.statusCode, 200);
        bodies.add(res.body);
      }
    }
    assert.equal(bodies.size, 1, 'the answer never tells whether the address has access');
    const toGranted = await mailsTo(granted);
    const toStranger = await mailsTo(stranger);
    assert.equal(toGranted.length, PUBLIC_MAILS_PER_RECIPIENT_PER_HOUR, 'mailed on every probe no more');
    assert.equal(toStranger.length, PUBLIC_MAILS_PER_RECIPIENT_PER_HOUR, 'both paths queue a mail');
    assert.deepEqual(
      new Set([...toGranted, ...toStranger].map((m) => m.subject)).size,
      1,
      'both mails look alike from outside',
    );
    assert.ok(toGranted.every((m) => /sign-in\?token=/.test(m.text_body)));
    assert.ok(toStranger.every((m) => !/token=/.test(m.text_body)));
    const links = await t.handle.db.selectFrom('trust_sign_in_links').select('id').execute();
    assert.equal(links.length, PUBLIC_MAILS_PER_RECIPIENT_PER_HOUR, 'no link is made past the cap');
  });

  test('the counters live in the database and hold hashes, not addresses', async () => {
    const rows = await t.handle.db.selectFrom('rate_limit_counters').selectAll().execute();
    assert.ok(rows.length > 0);
    const dump = JSON.stringify(rows);
    assert.ok(!dump.includes('victim-one@example.se') && !dump.includes('198.51.100.7'));
  });
});
