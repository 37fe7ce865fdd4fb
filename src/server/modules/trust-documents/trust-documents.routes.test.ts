import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { multipartBody } from '../../../../test/support/multipart.js';
import { drawnText, pdfkitText } from '../../../../test/support/pdf-text.js';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';
import type { DocumentRequest, TrustDocument } from '../../../contracts/trust-documents.js';
import { renderTextPdf } from '../../../formats/controls-list-pdf.js';
import { VISITOR_COOKIE } from './public.routes.js';

const settings = {
  title: 'Norrsken trust center',
  intro: '',
  accentColor: '#1f5f8b',
  logoText: 'Norrsken Cloud',
  slaText: '',
  drText: '',
  customDomain: null,
  published: true,
};
const NDA_TEXT = 'The recipient keeps the documents confidential and uses them only to assess our services.';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('trust documents on request', () => {
  let t: TestApp;
  let staff: Session;
  let api: ReturnType<typeof apiClient>;
  const docs: Record<string, TrustDocument> = {};

  const form = (url: string, fields: [string, string][], headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...FORM, 'user-agent': 'Testbrowser/1.0', ...headers },
      payload: new URLSearchParams(fields).toString(),
    });
  const visit = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const upload = async (fields: [string, string][], file: { name: string; type: string; body: Buffer }) => {
    const mp = await multipartBody(fields, file);
    return t.app.inject({
      method: 'POST',
      url: '/api/trust-documents',
      headers: { ...sessionHeaders(staff), ...mp.headers },
      payload: mp.payload,
    });
  };
  const outbox = () =>
    t.handle.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body'])
      .orderBy('created_at')
      .execute();
  const lastLink = async (to: string, path: string) => {
    const mail = (await outbox()).filter((m) => m.to_address === to).pop();
    const match = new RegExp(`(${path}\\?token=[A-Za-z0-9_-]+)`).exec(mail?.text_body ?? '');
    assert.ok(match?.[1], `a ${path} link was mailed to ${to}`);
    return { path: match[1], token: match[1].split('token=')[1] ?? '' };
  };
  const request = (email: string, ids: string[], name = 'Åsa Berg') =>
    form('/trust/documents/requests', [
      ['name', name],
      ['email', email],
      ['company', 'Kund AB'],
      ['reason', 'Vendor assessment'],
      ...ids.map((id): [string, string] => ['documentId', id]),
    ]);
  const requests = async (email: string) =>
    (await api.expect<{ items: DocumentRequest[] }>(200, 'GET', '/api/trust-document-requests')).items.filter(
      (r) => r.email === email,
    );
  /** Requests, verifies (and accepts the NDA when asked) for `email`; returns the request id. */
  const requestAndVerify = async (email: string, ids: string[], name?: string) => {
    assert.equal((await request(email, ids, name)).statusCode, 200);
    const verify = await visit((await lastLink(email, '/trust/documents/verify')).path);
    assert.equal(verify.statusCode, 200);
    return verify;
  };
  const signIn = async (email: string) => {
    const link = await lastLink(email, '/trust/documents/sign-in');
    const res = await form('/trust/documents/sign-in', [['token', link.token]]);
    assert.equal(res.statusCode, 303, res.body);
    const cookie = res.cookies.find((c) => c.name === VISITOR_COOKIE);
    assert.ok(cookie);
    return { cookie: `${VISITOR_COOKIE}=${cookie.value}`, raw: cookie, token: link.token };
  };
  const download = (id: string, cookie?: string) =>
    visit(`/trust/documents/${id}/download`, cookie ? { cookie } : {});
  const refusedWith = (res: LightMyRequestResponse, text: RegExp) => {
    assert.equal(res.statusCode, 403, res.body.slice(0, 300));
    assert.match(res.body, text);
  };

  before(async () => {
    t = await startTestApp();
    staff = await t.signIn('compliance-manager');
    api = apiClient(t, staff);
    await api.expect(200, 'PUT', '/api/trust-center/settings', settings);
    await api.expect(201, 'POST', '/api/trust-nda-versions', { text: NDA_TEXT });
    const pdf = (title: string) => renderTextPdf(title, [`${title} text.`], new Date('2026-12-01T00:00:00Z'));
    for (const [key, title, accessLevel] of [
      ['dpa', 'Data processing agreement', 'nda'],
      ['sla', 'Service level agreement', 'on-request'],
      ['guide', 'Security guidelines', 'public'],
    ] as const) {
      const res = await upload(
        [
          ['title', title],
          ['kind', key === 'guide' ? 'security-guidelines' : key],
          ['accessLevel', accessLevel],
          ['versionLabel', '2026.1'],
          ['published', 'true'],
        ],
        { name: `${key}.pdf`, type: 'application/pdf', body: await pdf(title) },
      );
      assert.equal(res.statusCode, 201, res.body);
      docs[key] = res.json();
    }
    docs.controls = await api.expect<TrustDocument>(201, 'POST', '/api/trust-documents/generated', {
      title: 'Cloud controls',
      accessLevel: 'nda',
      published: true,
    });
  });
  after(() => t.close());

  test('an upload must be a readable PDF by its bytes; a refused upload writes nothing', async () => {
    const before = (await api.expect<{ total: number }>(200, 'GET', '/api/trust-documents')).total;
    const fields: [string, string][] = [
      ['title', 'Fake'],
      ['kind', 'other'],
      ['accessLevel', 'public'],
    ];
    const text = await upload(fields, {
      name: 'fake.pdf',
      type: 'application/pdf',
      body: Buffer.from('hello'),
    });
    assert.equal(text.statusCode, 400);
    assert.match(text.json().error.message, /not a PDF/);
    const broken = await upload(fields, {
      name: 'broken.pdf',
      type: 'application/pdf',
      body: Buffer.from('%PDF-1.7\n1 0 obj\n'),
    });
    assert.equal(broken.statusCode, 400);
    assert.match(broken.json().error.message, /cannot be watermarked/);
    const generated = await upload(
      [...fields.slice(0, 1), ['kind', 'controls-list'], ['accessLevel', 'nda']],
      {
        name: 'c.pdf',
        type: 'application/pdf',
        body: await renderTextPdf('x', ['y'], new Date(0)),
      },
    );
    assert.equal(generated.statusCode, 400);
    assert.equal((await api.expect<{ total: number }>(200, 'GET', '/api/trust-documents')).total, before);
    const viewer = apiClient(t, await t.signIn('viewer'));
    await viewer.expect(200, 'GET', '/api/trust-documents');
    await viewer.expect(403, 'GET', '/api/trust-document-requests');
    await viewer.expect(403, 'POST', '/api/trust-nda-versions', { text: NDA_TEXT });
    const stored = await t.handle.db
      .selectFrom('trust_documents')
      .select(['file_sha256', 'file_size'])
      .where('id', '=', docs.dpa?.id ?? '')
      .executeTakeFirstOrThrow();
    assert.match(stored.file_sha256 ?? '', /^[0-9a-f]{64}$/);
  });

  test('the public page lists published documents; public ones download directly, the rest need access', async () => {
    const page = await visit('/trust/documents');
    assert.equal(page.statusCode, 200);
    for (const d of Object.values(docs)) assert.ok(page.body.includes(d.title), d.title);
    assert.match(page.body, new RegExp(`href="/trust/documents/${docs.guide?.id}/download"`));
    assert.match(page.body, /Request access/);
    const open = await download(docs.guide?.id ?? '');
    assert.equal(open.statusCode, 200);
    assert.equal(open.headers['content-type'], 'application/pdf');
    assert.match(String(open.headers['content-disposition']), /^attachment; filename="guide.pdf"/);
    assert.equal(open.headers['x-content-type-options'], 'nosniff');
    assert.equal(open.headers['cache-control'], 'private, no-store');
    refusedWith(await download(docs.sla?.id ?? ''), /not signed in/);
    refusedWith(await download(docs.controls?.id ?? ''), /not signed in/);
    const nav = await visit('/trust');
    assert.match(nav.body, /<a href="\/trust\/documents">Documents<\/a>/);
    await api.expect(200, 'PUT', '/api/trust-center/settings', {
      ...settings,
      customDomain: 'trust.norrsken.example',
    });
    const custom = await visit('/documents', { host: 'trust.norrsken.example' });
    assert.equal(custom.statusCode, 302);
    assert.equal(custom.headers.location, '/trust/documents');
    assert.notEqual((await visit('/documents')).statusCode, 302, 'only on the custom domain');
    await api.expect(200, 'PUT', '/api/trust-center/settings', settings);
  });

  test('a request is refused for public, unknown and other organisations’ documents', async () => {
    const other = await t.handle.db
      .insertInto('organizations')
      .values({ name: 'Other AB', security_contact_email: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const foreign = await t.handle.db
      .insertInto('trust_documents')
      .values({
        organization_id: other.id,
        title: 'Foreign',
        kind: 'other',
        access_level: 'on-request',
        published: true,
        source: 'generated-controls',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mails = (await outbox()).length;
    assert.equal((await request('x@kund.example', [foreign.id])).statusCode, 400);
    assert.equal((await request('x@kund.example', [docs.guide?.id ?? ''])).statusCode, 400);
    assert.equal((await request('x@kund.example', [])).statusCode, 400);
    assert.equal((await request('not-an-address', [docs.sla?.id ?? ''])).statusCode, 400);
    assert.equal((await outbox()).length, mails, 'no mail for a refused request');
    assert.equal((await download(foreign.id)).statusCode, 404);
    await api.expect(404, 'PATCH', `/api/trust-documents/${foreign.id}`, { published: false });
    await api.expect(404, 'GET', `/api/trust-documents/${foreign.id}/file`);
  });

  test('verify, accept the NDA, approve, sign in once, download watermarked, then revoke', async () => {
    const email = 'asa@kund.example';
    assert.equal((await request(email, [docs.dpa?.id ?? '', docs.sla?.id ?? ''])).statusCode, 200);
    const [unverified] = await requests(email);
    assert.equal(unverified?.status, 'unverified');
    const early = await api.call('POST', `/api/trust-document-requests/${unverified?.id}/approve`, {});
    assert.equal(early.statusCode, 409);
    assert.match(early.json().error.message, /not confirmed their e-mail/);

    const verifyLink = await lastLink(email, '/trust/documents/verify');
    const nda = await visit(verifyLink.path);
    assert.equal(nda.statusCode, 200);
    assert.ok(nda.body.includes(NDA_TEXT) && nda.body.includes('version 1'));
    assert.equal((await requests(email))[0]?.status, 'nda-pending');
    const noNda = await api.call('POST', `/api/trust-document-requests/${unverified?.id}/approve`, {});
    assert.equal(noNda.statusCode, 409);
    assert.match(noNda.json().error.message, /not accepted the NDA/);
    const unticked = await form('/trust/documents/nda', [
      ['token', verifyLink.token],
      ['name', 'Åsa Berg'],
    ]);
    assert.equal(unticked.statusCode, 400);

    const accepted = await form('/trust/documents/nda', [
      ['token', verifyLink.token],
      ['name', 'Åsa Berg'],
      ['accept', 'yes'],
    ]);
    assert.equal(accepted.statusCode, 200);
    assert.match(accepted.body, /Request received/);
    const [pending] = await requests(email);
    assert.equal(pending?.status, 'pending');
    assert.equal(pending?.nda?.version, 1);
    assert.equal(pending?.nda?.signedName, 'Åsa Berg');
    assert.equal(pending?.nda?.userAgent, 'Testbrowser/1.0');
    assert.ok(pending?.nda?.ip);

    const approved = await api.expect<{ grantId: string; expiresAt: string }>(
      200,
      'POST',
      `/api/trust-document-requests/${pending?.id}/approve`,
      { expiresInDays: 10 },
    );
    const days = (Date.parse(approved.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 9.9 && days <= 10, `${days} days`);
    await api.expect(409, 'POST', `/api/trust-document-requests/${pending?.id}/approve`, {});

    const signInLink = await lastLink(email, '/trust/documents/sign-in');
    const landing = await visit(signInLink.path);
    assert.equal(landing.statusCode, 200, 'opening the link only shows a button');
    assert.match(landing.body, /Show my documents/);
    const forged = await form('/trust/documents/sign-in', [['token', signInLink.token]], {
      'sec-fetch-site': 'cross-site',
    });
    assert.equal(forged.statusCode, 403, 'another site cannot post the sign-in form');
    const session = await signIn(email);
    assert.equal(session.raw.httpOnly, true);
    assert.equal(session.raw.sameSite, 'Strict');
    assert.equal(session.raw.path, '/trust');
    assert.equal(
      (await form('/trust/documents/sign-in', [['token', signInLink.token]])).statusCode,
      404,
      'a sign-in link works once',
    );

    const mine = await visit('/trust/documents/access', { cookie: session.cookie });
    assert.equal(mine.statusCode, 200);
    assert.ok(
      mine.body.includes('Data processing agreement') && mine.body.includes('Service level agreement'),
    );
    assert.ok(!mine.body.includes('Cloud controls'));

    const file = await download(docs.dpa?.id ?? '', session.cookie);
    assert.equal(file.statusCode, 200, file.body.slice(0, 300));
    assert.equal(file.headers['content-type'], 'application/pdf');
    const text = await drawnText(file.rawPayload);
    assert.match(
      text,
      /Confidential - downloaded by .sa Berg <asa@kund\.example> \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/m,
    );
    assert.ok(text.includes('Åsa Berg'), 'the name is drawn in WinAnsi');
    refusedWith(await download(docs.controls?.id ?? '', session.cookie), /does not include this document/);

    const downloads = await api.expect<{ items: { documentTitle: string; email: string | null }[] }>(
      200,
      'GET',
      '/api/trust-document-downloads',
    );
    assert.deepEqual(downloads.items[0], {
      ...downloads.items[0],
      documentTitle: 'Data processing agreement',
      email,
    });
    const stats = await api.expect<{ items: { title: string; requests: number; downloads: number }[] }>(
      200,
      'GET',
      '/api/trust-document-stats',
    );
    const dpa = stats.items.find((s) => s.title === 'Data processing agreement');
    assert.equal(dpa?.requests, 1);
    assert.equal(dpa?.downloads, 1);

    await api.expect(204, 'POST', `/api/trust-access-grants/${approved.grantId}/revoke`);
    refusedWith(await download(docs.dpa?.id ?? '', session.cookie), /access has ended/);
    assert.equal((await visit('/trust/documents/access', { cookie: session.cookie })).statusCode, 403);
    await api.expect(409, 'POST', `/api/trust-access-grants/${approved.grantId}/revoke`);
    const grants = await api.expect<{ items: { id: string; state: string }[] }>(
      200,
      'GET',
      '/api/trust-access-grants',
    );
    assert.equal(grants.items.find((g) => g.id === approved.grantId)?.state, 'revoked');
    const ended = await t.handle.db
      .selectFrom('trust_visitor_sessions')
      .select('revoked_at')
      .where('grant_id', '=', approved.grantId)
      .execute();
    assert.ok(ended.length === 1 && ended[0]?.revoked_at);

    const actions = await auditActions(t);
    for (const action of [
      'trust-document.created',
      'trust-nda.version-created',
      'trust-document-request.submitted',
      'trust-document-request.verified',
      'trust-document-request.nda-accepted',
      'trust-document-request.approved',
      'trust-access-grant.signed-in',
      'trust-document.downloaded',
      'trust-access-grant.revoked',
    ]) {
      assert.ok(actions.includes(action), `audited: ${action}`);
    }
    const publicSteps = await t.handle.db
      .selectFrom('audit_events')
      .select(['action', 'actor_type', 'data'])
      .where('action', 'in', ['trust-document-request.submitted', 'trust-document-request.nda-accepted'])
      .execute();
    assert.ok(publicSteps.every((e) => e.actor_type === 'system'));
    assert.ok(!JSON.stringify(publicSteps).includes(email), 'the audit log names no visitor address');

    const secrets = [verifyLink.token, signInLink.token, session.raw.value];
    for (const table of [
      'trust_document_requests',
      'trust_sign_in_links',
      'trust_visitor_sessions',
      'trust_access_grants',
      'audit_events',
    ] as const) {
      const dump = JSON.stringify(await t.handle.db.selectFrom(table).selectAll().execute());
      for (const s of secrets) assert.ok(!dump.includes(s), `${table} holds no token in clear`);
    }
  });

  test('an expired grant, an expired sign-in link and an expired verification link are refused', async () => {
    const email = 'per@kund.example';
    await requestAndVerify(email, [docs.sla?.id ?? '']);
    const [pending] = await requests(email);
    const { grantId } = await api.expect<{ grantId: string }>(
      200,
      'POST',
      `/api/trust-document-requests/${pending?.id}/approve`,
      {},
    );
    const session = await signIn(email);
    assert.equal((await download(docs.sla?.id ?? '', session.cookie)).statusCode, 200);
    await t.handle.db
      .updateTable('trust_access_grants')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', grantId)
      .execute();
    refusedWith(await download(docs.sla?.id ?? '', session.cookie), /access has ended/);
    const grants = await api.expect<{ items: { id: string; state: string }[] }>(
      200,
      'GET',
      '/api/trust-access-grants',
    );
    assert.equal(grants.items.find((g) => g.id === grantId)?.state, 'expired');

    const mails = (await outbox()).length;
    const asked = await form('/trust/documents/sign-in-links', [['email', email]]);
    const notice = (await outbox()).slice(mails);
    assert.equal(notice.length, 1, 'an expired grant is mailed a note, like a live one is mailed a link');
    assert.doesNotMatch(notice[0]?.text_body ?? '', /sign-in\?token=/, 'no link for an expired grant');
    await t.handle.db
      .updateTable('trust_access_grants')
      .set({ expires_at: new Date(Date.now() + 86_400_000) })
      .where('id', '=', grantId)
      .execute();
    const again = await form('/trust/documents/sign-in-links', [['email', email]]);
    assert.equal(again.body, asked.body, 'the answer does not tell whether access exists');
    assert.equal((await outbox()).length, mails + 2);
    const stranger = await form('/trust/documents/sign-in-links', [['email', 'nobody@elsewhere.example']]);
    assert.equal(stranger.body, asked.body);
    assert.equal((await outbox()).length, mails + 3, 'a stranger is mailed the same one note');

    const link = await lastLink(email, '/trust/documents/sign-in');
    await t.handle.db
      .updateTable('trust_sign_in_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '!=', '')
      .execute();
    assert.equal((await form('/trust/documents/sign-in', [['token', link.token]])).statusCode, 404);

    assert.equal((await request('late@kund.example', [docs.sla?.id ?? ''])).statusCode, 200);
    const verify = await lastLink('late@kund.example', '/trust/documents/verify');
    await t.handle.db
      .updateTable('trust_document_requests')
      .set({ verify_expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', 'late@kund.example')
      .execute();
    assert.equal((await visit(verify.path)).statusCode, 404);
    assert.equal((await visit('/trust/documents/verify?token=nonsense')).statusCode, 404);
  });

  test('an auto-approval rule approves its domain’s requests; a later NDA requirement refuses the download', async () => {
    await api.expect(201, 'POST', '/api/trust-auto-approval-rules', {
      domain: 'Partner.Example',
      approvesOnRequest: true,
      approvesNda: false,
    });
    await api.expect(409, 'POST', '/api/trust-auto-approval-rules', {
      domain: 'partner.example',
      approvesOnRequest: true,
      approvesNda: true,
    });
    await api.expect(400, 'POST', '/api/trust-auto-approval-rules', {
      domain: 'x',
      approvesOnRequest: false,
      approvesNda: false,
    });
    const verified = await requestAndVerify('eva@partner.example', [docs.sla?.id ?? '']);
    assert.match(verified.body, /Access granted/);
    const [approved] = await requests('eva@partner.example');
    assert.equal(approved?.status, 'approved');
    assert.equal(approved?.autoApprovedBy, 'partner.example');

    const ndaToo = await requestAndVerify('ola@partner.example', [docs.controls?.id ?? ''], 'Ola Nordmann');
    assert.match(ndaToo.body, /Non-disclosure agreement/);
    const verifyLink = await lastLink('ola@partner.example', '/trust/documents/verify');
    await form('/trust/documents/nda', [
      ['token', verifyLink.token],
      ['name', 'Ola Nordmann'],
      ['accept', 'yes'],
    ]);
    assert.equal(
      (await requests('ola@partner.example'))[0]?.status,
      'pending',
      'the rule does not cover NDA',
    );

    const session = await signIn('eva@partner.example');
    assert.equal((await download(docs.sla?.id ?? '', session.cookie)).statusCode, 200);
    await api.expect(200, 'PATCH', `/api/trust-documents/${docs.sla?.id}`, { accessLevel: 'nda' });
    refusedWith(await download(docs.sla?.id ?? '', session.cookie), /now requires an NDA/);
    await api.expect(200, 'PATCH', `/api/trust-documents/${docs.sla?.id}`, { accessLevel: 'on-request' });
    assert.ok((await auditActions(t)).includes('trust-document.updated'));
  });

  test('the generated controls list is a watermarked PDF of the controls; a rejection mails the requester', async () => {
    const service = await t.handle.db
      .selectFrom('services')
      .select(['id', 'name'])
      .where('organization_id', '=', t.organizationId)
      .executeTakeFirstOrThrow();
    await t.handle.db
      .insertInto('controls')
      .values({
        organization_id: t.organizationId,
        ref: 'CTL-901',
        title: 'Disk encryption at rest',
        implementation: '',
        status: 'implemented',
        service_id: service.id,
      })
      .execute();
    const staffCopy = await t.app.inject({
      method: 'GET',
      url: `/api/trust-documents/${docs.controls?.id}/file`,
      headers: sessionHeaders(staff),
    });
    assert.equal(staffCopy.statusCode, 200);
    const listed = pdfkitText(staffCopy.rawPayload).replace(/\s+/g, ' ');
    assert.ok(listed.includes('CTL-901') && listed.includes('Disk encryption at rest'), listed.slice(0, 500));
    assert.ok(listed.includes(`implemented ${service.name}`), 'status and the service scope');
    const [pending] = await requests('ola@partner.example');
    await api.expect(200, 'POST', `/api/trust-document-requests/${pending?.id}/approve`, {});
    const session = await signIn('ola@partner.example');
    const file = await download(docs.controls?.id ?? '', session.cookie);
    assert.equal(file.statusCode, 200);
    assert.equal(file.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(await drawnText(file.rawPayload), /Ola Nordmann <ola@partner\.example>/);

    await requestAndVerify('nej@kund.example', [docs.sla?.id ?? '']);
    const [asked] = await requests('nej@kund.example');
    await api.expect(204, 'POST', `/api/trust-document-requests/${asked?.id}/reject`, {
      reason: 'No contract.',
    });
    const mail = (await outbox()).filter((m) => m.to_address === 'nej@kund.example').pop();
    assert.match(mail?.text_body ?? '', /cannot give you access[\s\S]*No contract\./);
    await api.expect(409, 'POST', `/api/trust-document-requests/${asked?.id}/approve`, {});
    const rejected = await api.expect<{ items: DocumentRequest[] }>(
      200,
      'GET',
      '/api/trust-document-requests?status=rejected',
    );
    assert.deepEqual(
      rejected.items.map((r) => r.email),
      ['nej@kund.example'],
    );
  });
});

describe('public document routes are rate limited per client address', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ TILLIT_LOGIN_RATE_LIMIT: '2' });
  });
  after(async () => {
    await t?.close();
  });

  for (const [method, url] of [
    ['GET', '/trust/documents/7b0c3d52-8d7e-4a55-9f1e-0c9a4d0f2e11/download'],
    ['POST', '/trust/documents/requests'],
  ] as const) {
    test(`${method} ${url.replace(/[0-9a-f-]{36}/, ':id')}: the third request within a minute gets 429`, async () => {
      const send = () =>
        t.app.inject({
          method,
          url,
          headers: FORM,
          payload: method === 'POST' ? 'email=a%40b.example' : undefined,
        });
      for (let i = 0; i < 2; i++) assert.notEqual((await send()).statusCode, 429);
      const limited = await send();
      assert.equal(limited.statusCode, 429);
      assert.match(limited.body, /Too many requests/);
    });
  }
});
