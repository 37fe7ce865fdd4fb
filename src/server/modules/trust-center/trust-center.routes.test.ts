import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { uploadCertificate } from '../../../../test/support/trust-certificate.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/hugo/${name}`, import.meta.url), 'utf8');

const settings = {
  title: 'Norrsken trust center',
  intro: 'How we keep your data **safe**.',
  accentColor: '#1f5f8b',
  logoText: 'Norrsken Cloud',
  slaText: '99.9 % availability per month.',
  drText: 'A second data centre as DR site.',
  customDomain: 'trust.norrsken.example',
  published: true,
};

type Entry = {
  id: string;
  question: string;
  needsReview: boolean;
  reviewReason: string | null;
  confirmedNote?: string | null;
  controls: { id: string; ref: string }[];
};
type EntryPage = { items: Entry[]; total: number };

describe('trust center', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  const visit = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  before(async () => {
    t = await startTestApp();
    api = apiClient(t, await t.signIn('compliance-manager'));
  });
  after(() => t.close());

  test('public pages are not there until the trust center is published; staff see a preview', async () => {
    for (const path of ['/trust', '/trust/faq']) {
      const res = await visit(path);
      assert.equal(res.statusCode, 404);
      assert.match(String(res.headers['content-type']), /text\/html/, 'a page, not raw JSON');
      assert.match(res.body, /<h1>This trust center is not published yet<\/h1>/);
    }
    assert.equal((await visit('/api/trust-center/preview')).statusCode, 401);
    const preview = await api.call('GET', '/api/trust-center/preview/faq');
    assert.equal(preview.statusCode, 200);
    assert.match(String(preview.headers['content-type']), /text\/html/);
    assert.match(preview.body, /Preview for staff/);
    assert.match(preview.body, /<h1>Frequently asked questions<\/h1>/);
    assert.equal(preview.headers['cache-control'], 'no-store');
  });

  test('settings refuse a low-contrast accent, a bad host name and a bad quarter, writing nothing', async () => {
    const before = (await auditActions(t)).length;
    const pale = await api.call('PUT', '/api/trust-center/settings', { ...settings, accentColor: '#ffdd00' });
    assert.equal(pale.statusCode, 400);
    assert.match(pale.body, /contrast of at least 4\.5:1/);
    const host = await api.call('PUT', '/api/trust-center/settings', {
      ...settings,
      customDomain: 'not a host',
    });
    assert.equal(host.statusCode, 400);
    assert.match(host.body, /host name/);
    const cert = await api.call('POST', '/api/trust-center/certifications', {
      name: 'ISO/IEC 27001',
      status: 'in-progress',
    });
    assert.equal(cert.statusCode, 400);
    assert.match(cert.body, /target quarter/);
    assert.equal((await auditActions(t)).length, before);
  });

  test('a viewer may read but not change the trust center', async () => {
    const viewer = apiClient(t, await t.signIn('viewer'));
    await viewer.expect(200, 'GET', '/api/trust-center/settings');
    await viewer.expect(403, 'PUT', '/api/trust-center/settings', settings);
  });

  test('the overview shows certifications, data centres, SLA and dates, without cookies and with a CSP', async () => {
    await api.expect(200, 'PUT', '/api/trust-center/settings', settings);
    await api.expect(201, 'POST', '/api/trust-center/certifications', {
      name: 'FR2000',
      status: 'certified',
      issuer: 'Certifieringsorgan AB',
      expiresOn: '2028-05-31',
      certificateDocumentId: (await uploadCertificate(t, await t.signIn('compliance-manager'))).id,
    });
    await api.expect(201, 'POST', '/api/trust-center/certifications', {
      name: 'ISO/IEC 27001',
      status: 'in-progress',
      targetQuarter: '2027-Q2',
    });
    await api.expect(200, 'PUT', '/api/trust-center/claims', {
      claims: [{ kind: 'sla-target', target: '99.9' }],
    });
    const res = await visit('/trust');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.match(String(res.headers['content-type']), /text\/html; charset=utf-8/);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src 'sha256-/);
    assert.ok(!csp.includes('unsafe-inline'));
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /<a class="skip" href="#main">/);
    assert.match(
      res.body,
      /<span class="badge">Verified<\/span> FR2000: Certified by Certifieringsorgan AB, valid until 2028-05-31/,
    );
    assert.match(res.body, /In progress, target 2027-Q2/);
    assert.match(res.body, /STO1/);
    assert.match(res.body, /Target: 99\.9 % availability per calendar month \(not measured here yet\)\./);
    assert.ok(!res.body.includes('99.9 % availability per month.'), 'the typed SLA text is not published');
    assert.match(res.body, /Last updated <time datetime="\d{4}-\d{2}-\d{2}">/);
    const etag = String(res.headers.etag);
    assert.equal((await visit('/trust', { 'if-none-match': etag })).statusCode, 304);
    assert.ok(res.headers['last-modified']);
  });

  test('the custom domain is recognised as the trust center of its organisation', async () => {
    const res = await visit('/trust/faq', { host: 'trust.norrsken.example' });
    assert.equal(res.statusCode, 200);
    const home = await visit('/', { host: 'trust.norrsken.example' });
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<h1>Norrsken trust center<\/h1>/);
    assert.match(home.body, /<a href="\/faq">FAQ<\/a>/);
    const faq = await visit('/faq', { host: 'trust.norrsken.example:443' });
    assert.match(faq.body, /<h1>Frequently asked questions<\/h1>/);
    const elsewhere = await visit('/', { host: 'tillit.norrsken.example' });
    assert.ok(!elsewhere.body.includes('Norrsken trust center'));
  });

  test('Hugo import creates sections and questions, reports skipped markup, and re-import updates', async () => {
    const first = await api.expect<{ sectionsCreated: number; questionsCreated: number; skipped: unknown[] }>(
      200,
      'POST',
      '/api/faq/import',
      { markdown: fixture('faq-sv.md'), publish: true },
    );
    assert.equal(first.sectionsCreated, 2);
    assert.equal(first.questionsCreated, 3);
    assert.equal(first.skipped.length, 8);
    const again = await api.expect<{
      sectionsCreated: number;
      questionsCreated: number;
      questionsUpdated: number;
    }>(200, 'POST', '/api/faq/import', { markdown: fixture('faq-sv.md'), publish: true });
    assert.deepEqual([again.sectionsCreated, again.questionsCreated, again.questionsUpdated], [0, 0, 0]);
    const page = await api.expect<EntryPage>(200, 'GET', '/api/faq/entries?language=sv');
    assert.equal(page.total, 3);
  });

  test('sections are created once per language and title', async () => {
    const made = await api.expect<{ title: string; language: string }>(201, 'POST', '/api/faq/sections', {
      title: 'Drift',
      language: 'sv',
      position: 5,
    });
    assert.deepEqual([made.title, made.language], ['Drift', 'sv']);
    await api.expect(409, 'POST', '/api/faq/sections', { title: 'Drift', language: 'sv' });
    assert.ok((await auditActions(t)).includes('faq-section.created'));
  });

  test('a bad Hugo file is refused with the reason and nothing is written', async () => {
    const before = (await auditActions(t)).length;
    const res = await api.call('POST', '/api/faq/import', { markdown: fixture('unterminated.md') });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /Line 8: .*has no \{\{% \/question %\}\}/);
    const alias = await api.call('POST', '/api/faq/import', { markdown: fixture('alias.md') });
    assert.equal(alias.statusCode, 400);
    assert.match(alias.json().error.message, /anchors/);
    const huge = await api.call('POST', '/api/faq/import', {
      markdown: `---\ntitle: x\n---\n${'å'.repeat(1_100_000)}`,
    });
    assert.equal(huge.statusCode, 400);
    assert.match(huge.json().error.message, /at most 2 MiB/);
    assert.equal((await auditActions(t)).length, before);
    const page = await api.expect<EntryPage>(200, 'GET', '/api/faq/entries?language=en');
    assert.equal(page.total, 0);
  });

  test('the FAQ page renders answers, and its FAQPage JSON-LD survives a </script> in an answer', async () => {
    const sections = await api.expect<{ items: { id: string; title: string }[] }>(
      200,
      'GET',
      '/api/faq/sections?language=sv',
    );
    const sectionId = sections.items[0]?.id;
    await api.expect(201, 'POST', '/api/faq/entries', {
      sectionId,
      question: 'Kan svaret bryta sidan?',
      answer: 'Nej: </script><script>alert(1)</script> visas som text.',
      published: true,
    });
    const res = await visit('/trust/faq?lang=sv');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.match(res.body, /<html lang="sv">/);
    assert.ok(!res.body.includes('<script>alert(1)'));
    const blocks = [...res.body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    assert.equal(blocks.length, 1);
    const ld = JSON.parse(blocks[0]?.[1] ?? '');
    assert.equal(ld['@type'], 'FAQPage');
    assert.equal(ld.mainEntity.length, 4);
    const tricky = ld.mainEntity.find((q: { name: string }) => q.name === 'Kan svaret bryta sidan?');
    assert.match(tricky.acceptedAnswer.text, /&lt;\/script&gt;/);
    assert.match(String(res.headers['content-security-policy']), /script-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(res.body, /href="https:\/\/norrsken\.example\/dpa"/);
  });

  test('an answer whose linked control lacks evidence is held back until someone confirms it', async () => {
    const control = await api.expect<{ id: string; ref: string }>(201, 'POST', '/api/controls', {
      title: 'Data stays in the Nordics',
    });
    const list = await api.expect<EntryPage>(200, 'GET', '/api/faq/entries?language=sv');
    const entry = list.items.find((e) => e.question === 'Hur följer ni GDPR?');
    assert.ok(entry);
    const linked = await api.expect<Entry>(200, 'PATCH', `/api/faq/entries/${entry.id}`, {
      controlIds: [control.id],
      answer: 'Vi är personuppgiftsbiträde. Ändrat svar.',
    });
    assert.equal(linked.needsReview, true);
    assert.equal(linked.reviewReason, `control ${control.ref} has missing evidence`);
    const flagged = await api.expect<EntryPage>(200, 'GET', '/api/faq/entries?needsReview=true');
    assert.deepEqual(
      flagged.items.map((e) => e.id),
      [entry.id],
    );
    assert.ok(!(await visit('/trust/faq?lang=sv')).body.includes('Hur följer ni GDPR?'));
    const bare = await api.call('POST', `/api/faq/entries/${entry.id}/confirm`, {});
    assert.equal(bare.statusCode, 400, 'releasing a held answer needs a reason');
    assert.ok(!(await visit('/trust/faq?lang=sv')).body.includes('Hur följer ni GDPR?'));
    const confirmed = await api.expect<Entry>(200, 'POST', `/api/faq/entries/${entry.id}/confirm`, {
      reason: 'The residency review is booked for next week; the answer holds.',
    });
    assert.equal(confirmed.confirmedNote, 'The residency review is booked for next week; the answer holds.');
    assert.equal(confirmed.needsReview, false);
    const page = await visit('/trust/faq?lang=sv');
    assert.ok(page.body.includes('Hur följer ni GDPR?'));
    assert.ok(page.body.includes('Ändrat svar.'));
    await api.expect(409, 'POST', `/api/faq/entries/${entry.id}/confirm`, {
      reason: 'Nothing is held, so this is refused.',
    });
    const actions = await auditActions(t);
    assert.ok(actions.includes('faq-entry.updated') && actions.includes('faq-entry.confirmed'));
  });

  test('fresh evidence clears the flag; a failing check on the control flags the answer again', async () => {
    const list = await api.expect<EntryPage>(200, 'GET', '/api/faq/entries?language=sv');
    const entry = list.items.find((e) => e.question === 'Hur följer ni GDPR?');
    assert.ok(entry);
    const control = entry.controls[0];
    assert.ok(control);
    await api.expect(201, 'POST', '/api/evidence/links', {
      title: 'Data residency review',
      url: 'https://norrsken.example/residency',
      controlIds: [control.id],
    });
    const fresh = await api.expect<EntryPage>(200, 'GET', '/api/faq/entries?needsReview=true');
    assert.equal(fresh.total, 0);
    const check = await t.handle.db
      .insertInto('checks')
      .values({
        organization_id: t.organizationId,
        name: 'Residency probe',
        description: '',
        kind: 'ci-push',
        config: JSON.stringify({}),
        evidence_validity_days: 7,
        status: 'failing',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.handle.db
      .insertInto('check_controls')
      .values({ organization_id: t.organizationId, check_id: check.id, control_id: control.id })
      .execute();
    const failing = await api.expect<EntryPage>(200, 'GET', '/api/faq/entries?needsReview=true');
    assert.deepEqual(
      failing.items.map((e) => [e.id, e.reviewReason]),
      [[entry.id, `control ${control.ref} has a failing check`]],
    );
    assert.ok(!(await visit('/trust/faq?lang=sv')).body.includes('Hur följer ni GDPR?'));
    await api.expect(200, 'POST', `/api/faq/entries/${entry.id}/confirm`, {
      reason: 'The probe fails on a test host only; production is fine.',
    });
    await t.handle.db.updateTable('checks').set({ status: 'passing' }).where('id', '=', check.id).execute();
  });

  test('export gives the edited FAQ as Hugo Markdown that imports back unchanged', async () => {
    const res = await api.call('GET', '/api/faq/export.md?language=sv');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/markdown/);
    assert.match(
      res.body,
      /^---\nlanguage: sv\ntitle: "Vanliga frågor om säkerhet"\n/,
      'the imported front matter',
    );
    assert.ok(res.body.includes('{{% question question="Vad betyder \\"99,9 % tillgänglighet\\"?" %}}'));
    assert.ok(res.body.includes('Ändrat svar.'));
    const content = async () =>
      (
        await api.expect<{ items: { question: string; answer: string }[] }>(
          200,
          'GET',
          '/api/faq/entries?language=sv',
        )
      ).items
        .map((e) => `${e.question}\n${e.answer}`)
        .sort();
    const before = await content();
    const again = await api.expect<{ questionsCreated: number; sectionsCreated: number }>(
      200,
      'POST',
      '/api/faq/import',
      { markdown: res.body },
    );
    assert.deepEqual([again.questionsCreated, again.sectionsCreated], [0, 0]);
    assert.deepEqual(await content(), before);
  });

  test('a service chapter lists certifications and baseline controls', async () => {
    const services = await api.expect<{ id: string; name: string }[] | { items: { id: string }[] }>(
      200,
      'GET',
      '/api/services',
    );
    const list = Array.isArray(services) ? services : services.items;
    const id = list[0]?.id;
    assert.ok(id);
    const res = await api.call('GET', `/api/services/${id}/security-chapter.md`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /^---\ntitle: "Security and Compliance: /);
    assert.match(res.body, /- ISO\/IEC 27001: In progress, target 2027-Q2/);
    assert.match(
      res.body,
      /\| Data stays in the Nordics \| Baseline \(all services\) \| not-started \| evidence current \|/,
    );
  });

  test('security.txt follows RFC 9116, and is a clear 404 without a security contact', async () => {
    const admin = apiClient(t, await t.signIn('admin'));
    await admin.expect(200, 'PATCH', '/api/organization', {
      securityContactEmail: 'security@norrsken.example',
    });
    const res = await visit('/.well-known/security.txt');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    assert.match(res.body, /^Contact: mailto:security@norrsken\.example$/m);
    assert.match(res.body, /^Preferred-Languages: en, sv, no$/m);
    assert.match(res.body, /^Canonical: http.*\/\.well-known\/security\.txt$/m);
    assert.match(res.body, /^Policy: http.*\/trust$/m);
    const expires = /^Expires: (.+)$/m.exec(res.body)?.[1] ?? '';
    const ms = Date.parse(expires) - Date.now();
    assert.ok(ms > 0 && ms <= 365 * 24 * 3600 * 1000, expires);
    await admin.expect(200, 'PATCH', '/api/organization', { securityContactEmail: null });
    const none = await visit('/.well-known/security.txt');
    assert.equal(none.statusCode, 404);
    assert.match(none.body, /has not named a security contact/);
  });
});

describe('sub-processors', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  const form = (url: string, body: string) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  before(async () => {
    t = await startTestApp();
    api = apiClient(t, await t.signIn('compliance-manager'));
    await api.expect(200, 'PUT', '/api/trust-center/settings', settings);
  });
  after(() => t.close());

  test('a planned sub-processor needs an effective date and a country code', async () => {
    const res = await api.call('POST', '/api/subprocessors', {
      name: 'Fjällmejl AB',
      purpose: 'E-mail',
      country: 'Sweden',
      transferMechanism: 'none-eea',
      status: 'planned',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /ISO 3166 country code/);
    assert.match(res.body, /date it takes effect/);
  });

  test('subscribe, confirm, announce a change, record who was told, and an objection by link', async () => {
    const sub = await api.expect<{ id: string }>(201, 'POST', '/api/subprocessors', {
      name: 'Fjällmejl AB',
      purpose: 'Sends service e-mail',
      country: 'SE',
      transferMechanism: 'none-eea',
      status: 'planned',
      effectiveOn: '2099-01-01',
    });
    const page = await t.app.inject({ method: 'GET', url: '/trust/subprocessors' });
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /Fjällmejl AB.*Sends service e-mail.*SE.*None \(within the EU\/EEA\).*Planned from 2099-01-01/s,
    );

    const subscribed = await form('/trust/subprocessors/subscribe', 'email=Kund%40example.se');
    assert.equal(subscribed.statusCode, 200);
    assert.equal(subscribed.headers['set-cookie'], undefined);
    assert.equal((await form('/trust/subprocessors/subscribe', 'email=nope')).statusCode, 400);
    const outbox = await t.handle.db.selectFrom('mail_outbox').select(['to_address', 'text_body']).execute();
    assert.equal(outbox.length, 1);
    assert.equal(outbox[0]?.to_address, 'kund@example.se');
    const verifyPath =
      /(\/trust\/subprocessors\/verify\/[A-Za-z0-9_-]+)/.exec(outbox[0]?.text_body ?? '')?.[1] ?? '';

    const none = await api.expect<{ notified: number }>(
      200,
      'POST',
      `/api/subprocessors/${sub.id}/announcements`,
      {
        change: 'We add Fjällmejl AB for service e-mail.',
        effectiveOn: '2099-01-01',
      },
    );
    assert.equal(none.notified, 0, 'an unconfirmed address is not told');
    assert.equal((await t.app.inject({ method: 'GET', url: verifyPath })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: verifyPath })).statusCode, 404);

    const told = await api.expect<{ notified: number }>(
      200,
      'POST',
      `/api/subprocessors/${sub.id}/announcements`,
      {
        change: 'We add Fjällmejl AB for service e-mail.',
        effectiveOn: '2099-01-01',
      },
    );
    assert.equal(told.notified, 1);
    const past = await api.call('POST', `/api/subprocessors/${sub.id}/announcements`, {
      change: 'Too late',
      effectiveOn: '2020-01-01',
    });
    assert.equal(past.statusCode, 400);

    const log = await api.expect<{
      items: { email: string; notifiedAt: string; objectedAt: string | null }[];
    }>(200, 'GET', '/api/subprocessor-notifications');
    assert.equal(log.items.length, 1);
    assert.equal(log.items[0]?.email, 'kund@example.se');
    assert.equal(log.items[0]?.objectedAt, null);

    const notice = await t.handle.db
      .selectFrom('subprocessor_notifications')
      .select(['body', 'subject'])
      .executeTakeFirstOrThrow();
    assert.match(notice.subject, /effective 2099-01-01/);
    const queued = await t.handle.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'text_body'])
      .where('subject', '=', notice.subject)
      .execute();
    assert.deepEqual(
      queued.map((m) => m.to_address),
      ['kund@example.se'],
    );
    const sent = queued[0]?.text_body ?? '';
    assert.ok(sent.startsWith(notice.body), 'the mail is the recorded notice');
    assert.match(
      sent.slice(notice.body.length),
      /Stop these messages: http:\/\/[^ ]+\/trust\/unsubscribe\/[\w-]{20,}$/,
    );
    assert.doesNotMatch(notice.body, /unsubscribe/, 'the record keeps no unsubscribe token');
    const objectPath = /(\/trust\/subprocessors\/objections\/[A-Za-z0-9_-]+)/.exec(notice.body)?.[1] ?? '';
    const objectForm = await t.app.inject({ method: 'GET', url: objectPath });
    assert.equal(objectForm.statusCode, 200);
    assert.match(objectForm.body, /Record my objection/);
    const objected = await form(objectPath, '');
    assert.equal(objected.statusCode, 200);
    assert.match(objected.body, /Objection recorded/);
    const after = await api.expect<{ items: { objectedAt: string | null }[] }>(
      200,
      'GET',
      '/api/subprocessor-notifications',
    );
    assert.ok(after.items[0]?.objectedAt);
    assert.ok((await auditActions(t)).includes('subprocessor.objection-received'));
  });
});
