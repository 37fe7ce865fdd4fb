import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/support/smtp-server.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { CustomerContact, Notice } from '../../../contracts/incident-notices.js';
import type { IncidentDetail } from '../../../contracts/incidents.js';
import { createLogger } from '../../kernel/logging/logger.js';
import { deliverPendingMail, smtpTransport } from '../../kernel/mail/index.js';

describe('customer communication about an incident', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let manager: ReturnType<typeof apiClient>;
  let viewer: ReturnType<typeof apiClient>;
  let compute = '';
  let storage = '';
  let incidentId = '';

  const count = async (table: 'incident_notices' | 'mail_outbox' | 'customer_contacts') =>
    Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.handle.db))
        .rows[0]?.n,
    );
  const deliver = async (total: number) => {
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
    return smtp.waitFor(total);
  };

  before(async () => {
    [t, smtp] = await Promise.all([
      startTestApp({ TILLIT_PUBLIC_URL: 'https://tillit.norrsken.example' }),
      startSmtpServer(),
    ]);
    manager = apiClient(t, await t.signIn('compliance-manager'));
    viewer = apiClient(t, await t.signIn('viewer'));
    const of = async (name: string) =>
      (await sql<{ id: string }>`SELECT id FROM services WHERE name = ${name}`.execute(t.handle.db)).rows[0]
        ?.id ?? '';
    compute = await of('Compute');
    storage = await of('Object Storage');
    const incident = await manager.expect<IncidentDetail>(201, 'POST', '/api/incidents', {
      title: 'Compute API errors',
      category: 'availability',
      severity: 'high',
      awareAt: '2026-11-20T07:30:00Z',
      serviceIds: [compute],
    });
    incidentId = incident.id;
  });
  after(async () => {
    await smtp?.stop();
    await t?.close();
  });

  test('contacts per service: unknown services and duplicates are refused', async () => {
    const unknown = await manager.call('POST', '/api/customer-contacts', {
      serviceId: '00000000-0000-4000-8000-000000000000',
      email: 'ops@kund.example',
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.details[0].path, 'serviceId');
    const badMail = await manager.call('POST', '/api/customer-contacts', {
      serviceId: compute,
      email: 'nope',
    });
    assert.equal(badMail.statusCode, 400);
    assert.match(badMail.body, /email/);
    assert.equal(await count('customer_contacts'), 0);
    const contacts: [string, string, string][] = [
      [compute, 'drift@kund.example', 'sv'],
      [compute, 'it@kunde.example', 'nb'],
      [compute, 'cto@customer.example', 'en'],
      [storage, 'storage-only@customer.example', 'en'],
    ];
    for (const [serviceId, email, language] of contacts)
      await manager.expect<CustomerContact>(201, 'POST', '/api/customer-contacts', {
        serviceId,
        email,
        language,
      });
    const duplicate = await manager.call('POST', '/api/customer-contacts', {
      serviceId: compute,
      email: 'DRIFT@kund.example',
    });
    assert.equal(duplicate.statusCode, 409);
    assert.equal((await viewer.call('POST', '/api/customer-contacts', contacts[0])).statusCode, 403);
  });

  test("the affected services' contacts are told in their language, by real mail, and the notice is recorded", async () => {
    const empty = await manager.call('POST', `/api/incidents/${incidentId}/notices`, {
      audience: 'subscribers',
      message: 'We are looking into errors.',
    });
    assert.equal(empty.statusCode, 400, 'no verified subscribers yet');
    assert.equal(empty.json().error.details[0].path, 'audience');
    assert.deepEqual([await count('incident_notices'), await count('mail_outbox')], [0, 0]);

    const notices = await manager.expect<Notice[]>(201, 'POST', `/api/incidents/${incidentId}/notices`, {
      audience: 'service-contacts',
      message: 'Some API calls to Compute fail; running machines are not affected.',
    });
    assert.deepEqual(
      notices.map((n) => [n.language, n.recipients]).sort(),
      [
        ['en', ['cto@customer.example']],
        ['nb', ['it@kunde.example']],
        ['sv', ['drift@kund.example']],
      ],
      'only the contacts of the affected service, one notice per language',
    );
    assert.equal(notices[0]?.sentBy, 'Test compliance-manager');
    const mails = await deliver(3);
    const sv = mails.find((m) => m.to.includes('drift@kund.example'));
    assert.match(sv?.subject ?? '', /Compute API errors \(Under utredning\)/);
    assert.match(sv?.text ?? '', /Berörda tjänster: Compute/);
    assert.match(sv?.text ?? '', /Some API calls to Compute fail/);
    assert.match(sv?.text ?? '', /https:\/\/tillit\.norrsken\.example\/status/);
    const nb = mails.find((m) => m.to.includes('it@kunde.example'));
    assert.match(nb?.text ?? '', /Berørte tjenester: Compute/);
    assert.ok(!mails.some((m) => m.to.includes('storage-only@customer.example')));
    assert.ok((await auditActions(t)).includes('incident.customers-notified'));
  });

  test('verified trust-center subscribers are told, each with an unsubscribe link; unverified and departed ones are not', async () => {
    await t.handle.db
      .insertInto('subprocessor_subscribers')
      .values([
        {
          organization_id: t.organizationId,
          email: 'verified@customer.example',
          token_hash: 'a',
          verified_at: new Date(),
        },
        {
          organization_id: t.organizationId,
          email: 'pending@customer.example',
          token_hash: 'b',
          verified_at: null,
        },
        {
          organization_id: t.organizationId,
          email: 'left@customer.example',
          token_hash: 'c',
          verified_at: new Date(),
          unsubscribed_at: new Date(),
        },
      ])
      .execute();
    const [notice] = await manager.expect<Notice[]>(201, 'POST', `/api/incidents/${incidentId}/notices`, {
      audience: 'subscribers',
      language: 'nb',
      message: 'Feilen er rettet.',
    });
    assert.deepEqual(notice?.recipients, ['verified@customer.example']);
    const mails = await deliver(4);
    assert.match(mails[3]?.subject ?? '', /Undersøkes/);
    assert.match(mails[3]?.text ?? '', /Stop these messages: \S+\/trust\/unsubscribe\/[\w-]{20,}/);
    assert.doesNotMatch(notice?.body ?? '', /unsubscribe/, 'the recorded notice keeps no unsubscribe token');
    const history = await manager.expect<Notice[]>(200, 'GET', `/api/incidents/${incidentId}/notices`);
    assert.equal(history.length, 4);
    assert.equal((await viewer.call('GET', `/api/incidents/${incidentId}/notices`)).statusCode, 403);
    assert.equal((await viewer.call('GET', '/api/customer-contacts')).statusCode, 403);
    assert.equal(
      (
        await viewer.call('POST', `/api/incidents/${incidentId}/notices`, {
          audience: 'subscribers',
          message: 'x',
        })
      ).statusCode,
      403,
    );
  });
});
