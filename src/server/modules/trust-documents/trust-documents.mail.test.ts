import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { apiClient } from '../../../../test/support/api.js';
import { drawnText } from '../../../../test/support/pdf-text.js';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/support/smtp-server.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { DocumentRequest } from '../../../contracts/trust-documents.js';
import { buildApp } from '../../kernel/http/app.js';
import type { App } from '../../kernel/http/fastify-types.js';
import { createLogger } from '../../kernel/logging/logger.js';
import { deliverPendingMail, smtpTransport } from '../../kernel/mail/index.js';
import { routeModules } from '../index.js';
import { VISITOR_COOKIE } from './public.routes.js';

describe('trust documents: the links arrive by real mail', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  /** The same application logging every request at trace level, for the visitor's requests. */
  let visitorApp: App;
  const lines: string[] = [];

  before(async () => {
    t = await startTestApp({ TILLIT_PUBLIC_URL: 'https://tillit.norrsken.example' });
    smtp = await startSmtpServer();
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('trace', sink);
    visitorApp = (
      await buildApp({ config: t.config, db: t.handle.db, keyring: t.keyring, logger }, routeModules)
    ).app;
  });
  after(async () => {
    await visitorApp?.close();
    await smtp?.stop();
    await t?.close();
  });

  const deliver = async (count: number) => {
    const transport = smtpTransport(smtp.url);
    try {
      await deliverPendingMail(
        t.handle.db,
        transport,
        'Tillit <tillit@norrsken.example>',
        createLogger('silent'),
      );
    } finally {
      transport.close();
    }
    return (await smtp.waitFor(count))[count - 1];
  };
  const pathOf = (text: string, path: string) => {
    const match = new RegExp(`https://tillit\\.norrsken\\.example(${path}\\?token=[A-Za-z0-9_-]+)`).exec(
      text,
    );
    assert.ok(match?.[1], `the mail links to ${path}: ${text}`);
    return match[1];
  };
  const form = (url: string, body: string) =>
    visitorApp.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: body,
    });

  test('verification and sign-in links reach the requester, and the link leads to a watermarked download', async () => {
    const api = apiClient(t, await t.signIn('compliance-manager'));
    await api.expect(200, 'PUT', '/api/trust-center/settings', {
      title: 'Norrsken trust center',
      intro: '',
      accentColor: '#1f5f8b',
      logoText: '',
      slaText: '',
      drText: '',
      customDomain: null,
      published: true,
    });
    const doc = await api.expect<{ id: string }>(201, 'POST', '/api/trust-documents/generated', {
      title: 'Cloud controls',
      accessLevel: 'on-request',
      published: true,
    });
    const asked = await form(
      '/trust/documents/requests',
      `name=Kari+Nord&email=kari%40kund.example&company=Kund+AS&reason=Assessment&documentId=${doc.id}`,
    );
    assert.equal(asked.statusCode, 200);
    const verification = await deliver(1);
    assert.deepEqual(verification?.to, ['kari@kund.example']);
    assert.equal(verification?.subject, 'Confirm your request for documents');
    const verified = await visitorApp.inject({
      method: 'GET',
      url: pathOf(verification?.text ?? '', '/trust/documents/verify'),
    });
    assert.match(verified.body, /Request received/);

    const queue = await api.expect<{ items: DocumentRequest[] }>(
      200,
      'GET',
      '/api/trust-document-requests?status=pending',
    );
    await api.expect(200, 'POST', `/api/trust-document-requests/${queue.items[0]?.id}/approve`, {});
    const signInMail = await deliver(2);
    assert.deepEqual(signInMail?.to, ['kari@kund.example']);
    assert.match(signInMail?.text ?? '', /The link works once, until \d{4}-\d{2}-\d{2}T/);
    const token = pathOf(signInMail?.text ?? '', '/trust/documents/sign-in').split('token=')[1] ?? '';
    const signedIn = await form('/trust/documents/sign-in', `token=${token}`);
    assert.equal(signedIn.statusCode, 303);
    const cookie = signedIn.cookies.find((c) => c.name === VISITOR_COOKIE);
    assert.equal(cookie?.secure, true, 'the visitor cookie is Secure over https');
    const file = await visitorApp.inject({
      method: 'GET',
      url: `/trust/documents/${doc.id}/download`,
      headers: { cookie: `${VISITOR_COOKIE}=${cookie?.value}` },
    });
    assert.equal(file.statusCode, 200);
    assert.match(await drawnText(file.rawPayload), /Kari Nord <kari@kund\.example>/);
    const verifyToken = pathOf(verification?.text ?? '', '/trust/documents/verify').split('token=')[1] ?? '';
    const log = lines.join('');
    assert.ok(log.includes('/trust/documents/verify?token=[redacted]'), 'the visitor requests were logged');
    for (const secret of [verifyToken, token, cookie?.value ?? '']) {
      assert.ok(secret.length > 20);
      assert.ok(!log.includes(secret), `a token leaked into the log: ${secret.slice(0, 6)}…`);
    }
  });
});
