import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { publishedTrustSettings } from '../../../../test/support/trust-settings.js';
import { createLogger } from '../../kernel/logging/logger.js';
import { runTrustChangelog } from './trust-center.jobs.js';

const settings = publishedTrustSettings;
const logger = createLogger('silent');

describe('the public changelog: certifications, sub-processors and claims, as a page, an Atom feed and mail', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let checkId: string;
  const run = () => runTrustChangelog(t.handle.db, logger, t.config.publicUrl);
  const page = async () => (await t.app.inject({ method: 'GET', url: '/trust/changes' })).body;
  const mails = () =>
    t.handle.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body'])
      .orderBy('created_at')
      .execute();
  const pushResult = (outcome: 'pass' | 'fail') =>
    api.expect(201, 'POST', `/api/checks/${checkId}/results`, { outcome, summary: `probe ${outcome}` });

  before(async () => {
    t = await startTestApp();
    api = apiClient(t, await t.signIn('compliance-manager'));
    await api.expect(200, 'PUT', '/api/trust-center/settings', settings);
    const control = (
      await api.expect<{ id: string }>(201, 'POST', '/api/controls', { title: 'Disk encryption' })
    ).id;
    checkId = (
      await api.expect<{ id: string }>(201, 'POST', '/api/checks', {
        name: 'Encryption probe',
        kind: 'ci-push',
        config: { maxAgeHours: 26 },
        controlIds: [control],
      })
    ).id;
    await pushResult('pass');
    await api.expect(200, 'PUT', '/api/trust-center/claims', {
      claims: [{ kind: 'encryption-at-rest', controlId: control }],
    });
    await t.handle.db
      .insertInto('subprocessor_subscribers')
      .values({
        organization_id: t.organizationId,
        email: 'dpo@customer.example',
        token_hash: 'x'.repeat(64),
        verified_at: new Date(),
      })
      .execute();
  });
  after(() => t.close());

  test('certification and sub-processor changes are entries on the page and in the Atom feed', async () => {
    const cert = await api.expect<{ id: string }>(201, 'POST', '/api/trust-center/certifications', {
      name: 'ISO/IEC 27001',
      status: 'in-progress',
      targetQuarter: '2027-Q2',
    });
    await api.expect(200, 'PUT', `/api/trust-center/certifications/${cert.id}`, {
      name: 'ISO/IEC 27001',
      status: 'certified',
      issuer: 'Certifieringsorgan AB',
      expiresOn: '2029-06-30',
    });
    const sub = await api.expect<{ id: string }>(201, 'POST', '/api/subprocessors', {
      name: 'Mailjet',
      purpose: 'Transactional e-mail',
      country: 'FR',
      transferMechanism: 'none-eea',
      status: 'active',
    });
    const html = await page();
    for (const line of [
      'Certification listed: ISO/IEC 27001, in progress, expected 2027-Q2',
      'Certification ISO/IEC 27001: certified, valid until 2029-06-30',
      'Sub-processor added: Mailjet (France)',
    ])
      assert.ok(html.includes(line), `the page lists "${line}"`);
    assert.ok(html.indexOf('Sub-processor added') < html.indexOf('Certification listed'), 'newest first');
    assert.ok(
      html.includes('<form method="post" action="/trust/subprocessors/subscribe">'),
      'the subscription posts to its route on every host, the custom domain included',
    );

    const feed = await t.app.inject({ method: 'GET', url: '/trust/changes.atom' });
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /^application\/atom\+xml/);
    assert.equal((feed.body.match(/<entry>/g) ?? []).length, 3);
    assert.match(feed.body, /<title>Sub-processor: Sub-processor added: Mailjet \(France\)<\/title>/);

    await api.expect(200, 'PUT', `/api/subprocessors/${sub.id}`, {
      name: 'Mailjet',
      purpose: 'Transactional e-mail',
      country: 'FR',
      transferMechanism: 'none-eea',
      status: 'removed',
    });
    assert.ok((await page()).includes('Sub-processor Mailjet: active → removed'));
  });

  test('a claim that stops holding and holds again is one entry each; the first sight is not a change', async () => {
    assert.equal((await run()).claimChanges, 0, 'the first run records the claims as they are');
    await pushResult('fail');
    assert.equal((await run()).claimChanges, 1);
    assert.equal((await run()).claimChanges, 0, 'nothing new on the next run');
    await pushResult('pass');
    assert.equal((await run()).claimChanges, 1);
    const html = await page();
    assert.match(html, /Verified again: [^<]*encrypted at rest/i);
    const claimEntries =
      html.match(/<li><span class="badge">Verified statement<\/span> ([^<]*)<\/li>/g) ?? [];
    assert.equal(claimEntries.length, 2, html);
    const withdrawn = claimEntries.find((x) => !x.includes('Verified again'));
    assert.ok(withdrawn?.includes('encryption-at-rest'), withdrawn);
    assert.ok(
      !withdrawn?.includes('Customer data is encrypted at rest'),
      'the entry for a claim that stopped holding does not repeat it as true',
    );
    assert.equal((await auditActions(t)).filter((a) => a === 'trust-changelog.claims-changed').length, 2);
  });

  test('verified subscribers get each new entry once, in one message; unpublished changes are not sent', async () => {
    const earlier = await mails();
    assert.ok(earlier.length >= 1, 'the runs above mailed what had changed');
    assert.ok(earlier.every((m) => m.to_address === 'dpo@customer.example'));
    const mailjet = earlier.filter((m) => m.text_body.includes('Sub-processor added: Mailjet (France)'));
    assert.equal(mailjet.length, 1, 'an entry is mailed once');
    assert.match(mailjet[0]?.subject ?? '', /^Norrsken Cloud AB trust center: \d+ change\(s\)$/);
    assert.match(mailjet[0]?.text_body ?? '', /\/trust\/changes\.atom/);

    await api.expect(201, 'POST', '/api/trust-center/certifications', {
      name: 'CSA STAR',
      status: 'planned',
    });
    assert.equal((await run()).recipients, 1);
    const [newest, ...more] = (await mails()).filter((m) => m.text_body.includes('CSA STAR'));
    assert.equal(more.length, 0);
    assert.match(newest?.text_body ?? '', /Certification listed: CSA STAR, planned/);
    assert.doesNotMatch(newest?.text_body ?? '', /Mailjet/, 'only what is new');
    assert.equal((await run()).recipients, 0, 'nothing is sent twice');
    const before = (await mails()).length;

    await api.expect(200, 'PUT', '/api/trust-center/settings', { ...settings, published: false });
    await api.expect(201, 'POST', '/api/trust-center/certifications', { name: 'FR2000', status: 'planned' });
    assert.equal((await run()).recipients, 0);
    await api.expect(200, 'PUT', '/api/trust-center/settings', settings);
    assert.equal((await run()).recipients, 0, 'what changed while unpublished is not mailed later');
    assert.equal((await mails()).length, before, 'nothing was sent while unpublished, or after');
  });

  test('a visitor subscribes, confirms, and leaves with the link in any message; a GET alone changes nothing', async () => {
    const form = (url: string, body = '') =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
    const to = (address: string) => async () => (await mails()).filter((m) => m.to_address === address);
    const visitorMails = to('ciso@kund.example');
    assert.equal((await form('/trust/subprocessors/subscribe', 'email=ciso%40kund.example')).statusCode, 200);
    const [confirm] = await visitorMails();
    assert.match(
      confirm?.subject ?? '',
      /^Confirm your subscription to changes of the Norrsken Cloud AB trust center$/,
    );
    assert.match(confirm?.text_body ?? '', /claims\s+that stop or start holding/);
    const verify = /\/trust\/subprocessors\/verify\/[A-Za-z0-9_-]+/.exec(confirm?.text_body ?? '')?.[0];
    assert.ok(verify);
    assert.equal((await t.app.inject({ method: 'GET', url: verify })).statusCode, 200);

    await api.expect(201, 'POST', '/api/trust-center/certifications', { name: 'C5', status: 'planned' });
    assert.equal((await run()).recipients, 2, 'both verified subscribers are mailed');
    const news = (await visitorMails()).find((m) => m.text_body.includes('Certification listed: C5'));
    const link = /\/trust\/unsubscribe\/[A-Za-z0-9_-]+/.exec(news?.text_body ?? '')?.[0];
    assert.ok(link, 'the message has its own unsubscribe link');
    const other = (await to('dpo@customer.example')()).find((m) =>
      m.text_body.includes('Certification listed: C5'),
    );
    assert.notEqual(
      /\/trust\/unsubscribe\/[A-Za-z0-9_-]+/.exec(other?.text_body ?? '')?.[0],
      link,
      'each subscriber gets a link of their own',
    );

    const look = await t.app.inject({ method: 'GET', url: link });
    assert.equal(look.statusCode, 200);
    assert.match(look.body, /<button type="submit">Unsubscribe<\/button>/);
    await api.expect(201, 'POST', '/api/trust-center/certifications', { name: 'TISAX', status: 'planned' });
    assert.equal((await run()).recipients, 2, 'opening the link did not unsubscribe');

    const auditBefore = (await auditActions(t)).length;
    const left = await form(link);
    assert.equal(left.statusCode, 200);
    assert.match(left.body, /You will get no more e-mails/);
    assert.deepEqual((await auditActions(t)).slice(auditBefore), ['subprocessor-subscriber.unsubscribed']);
    assert.equal((await form(link)).statusCode, 404, 'a spent link says so');
    assert.equal((await form('/trust/unsubscribe/not-a-real-token-at-all-000000000')).statusCode, 404);

    await api.expect(201, 'POST', '/api/trust-center/certifications', { name: 'SOC 2', status: 'planned' });
    assert.equal((await run()).recipients, 1, 'only the remaining subscriber is mailed');
    assert.ok(!(await visitorMails()).some((m) => m.text_body.includes('SOC 2')));

    // Subscribing again starts over: a new confirmation, nothing sent until it is followed.
    await form('/trust/subprocessors/subscribe', 'email=ciso%40kund.example');
    const again = (await visitorMails()).filter((m) => m.subject.startsWith('Confirm your subscription'));
    assert.equal(again.length, 2);
  });
});
