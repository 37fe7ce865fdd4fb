import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/support/smtp-server.js';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { inTransaction, type ServiceContext, systemActor } from '../context.js';
import type { DatabaseHandle } from '../db/database.js';
import { createLogger } from '../logging/logger.js';
import { deliverPendingMail, enqueueMail, smtpTransport } from './index.js';

describe('mail: outbox in the transaction, delivery to a real SMTP server', () => {
  let handle: DatabaseHandle;
  let smtp: TestSmtpServer;
  let ctx: ServiceContext;
  const logger = createLogger('silent');

  before(async () => {
    handle = await createTestDatabase();
    smtp = await startSmtpServer();
    const org = await handle.db
      .insertInto('organizations')
      .values({ name: 'Mail test AB', security_contact_email: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx = { db: handle.db, organizationId: org.id, actor: systemActor };
  });
  after(async () => {
    await smtp?.stop();
    await handle?.close();
  });

  const pending = async () =>
    handle.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .orderBy('created_at')
      .execute();

  test('mail queued in a rolled-back transaction is never sent', async () => {
    await assert.rejects(
      inTransaction(ctx, async (tx) => {
        await enqueueMail(tx, { to: 'nobody@example.se', subject: 'Rolled back', text: 'x' });
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.equal((await pending()).length, 0);
    await assert.rejects(
      enqueueMail(ctx, { to: 'a@example.se', subject: 's', text: 't' }),
      /inside the transaction/,
    );
  });

  test('queued mail is delivered once, with its subject, text and UTF-8 intact; a dedupe key queues once', async () => {
    await inTransaction(ctx, async (tx) => {
      assert.equal(
        await enqueueMail(tx, {
          to: 'ingrid@norrsken.example',
          subject: 'Granska policyn — åäö',
          text: 'Läs version 2 av informationssäkerhetspolicyn.',
          dedupeKey: 'policy-2-ingrid',
        }),
        true,
      );
      assert.equal(
        await enqueueMail(tx, {
          to: 'ingrid@norrsken.example',
          subject: 'again',
          text: 'x',
          dedupeKey: 'policy-2-ingrid',
        }),
        false,
      );
    });
    const transport = smtpTransport(smtp.url);
    try {
      assert.deepEqual(
        await deliverPendingMail(handle.db, transport, 'Tillit <tillit@norrsken.example>', logger),
        {
          sent: 1,
          failed: 0,
        },
      );
      assert.deepEqual(
        await deliverPendingMail(handle.db, transport, 'Tillit <tillit@norrsken.example>', logger),
        {
          sent: 0,
          failed: 0,
        },
      );
    } finally {
      transport.close();
    }
    const [mail] = await smtp.waitFor(1);
    assert.deepEqual(mail?.to, ['ingrid@norrsken.example']);
    assert.equal(mail?.from, 'tillit@norrsken.example');
    assert.equal(mail?.subject, 'Granska policyn — åäö');
    assert.match(mail?.text ?? '', /informationssäkerhetspolicyn/);
    assert.equal(smtp.received.length, 1);
  });

  test('an unreachable server leaves the mail queued with the reason and a later retry time', async () => {
    await inTransaction(ctx, (tx) =>
      enqueueMail(tx, { to: 'erik@norrsken.example', subject: 'Retry me', text: 'x' }),
    );
    const transport = smtpTransport('smtp://127.0.0.1:9');
    try {
      const result = await deliverPendingMail(handle.db, transport, 'tillit@norrsken.example', logger);
      assert.deepEqual(result, { sent: 0, failed: 1 });
    } finally {
      transport.close();
    }
    const [row] = await pending();
    assert.equal(row?.attempts, 1);
    assert.ok(row?.last_error && row.last_error.length > 0);
    assert.ok(row && new Date(row.next_attempt_at).getTime() > Date.now(), 'retried later, not at once');
  });

  test('bad addresses and multi-line subjects are refused before anything is queued', async () => {
    await assert.rejects(
      inTransaction(ctx, (tx) => enqueueMail(tx, { to: 'not an address', subject: 's', text: 't' })),
      /email/i,
    );
    await assert.rejects(
      inTransaction(ctx, (tx) =>
        enqueueMail(tx, { to: 'a@example.se', subject: 'a\r\nBcc: x@evil', text: 't' }),
      ),
      /one line/,
    );
  });
});
