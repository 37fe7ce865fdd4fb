import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import { sessionHeaders, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { Database } from '../../kernel/db/schema.js';
import { acceptInvite } from './auth.service.js';

describe('accepting an invitation', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('locks the organisation row before the invitation and the user (the lock order), then audits', async () => {
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/users/invitations',
      headers: sessionHeaders(await t.signIn('admin')),
      payload: { email: 'lock.order@test.example', name: 'Lock Order', role: 'viewer' },
    });
    assert.equal(invite.statusCode, 201, invite.body);
    const statements: string[] = [];
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: t.handle.pool }),
      log: (event) => void statements.push(event.query.sql),
    });
    const started = await acceptInvite(
      db,
      { token: invite.json().inviteToken, name: 'Lock Order', password: 'a good long passphrase' },
      { ip: null, userAgent: null },
      1,
    );
    assert.equal(started.response.user.name, 'Lock Order');
    const locking = statements
      .map(
        (s) => /\bfrom "(\w+)".* for (no key update|update)\b/.exec(s)?.[1] ?? /^update "(\w+)"/.exec(s)?.[1],
      )
      .filter((table) => table !== undefined);
    assert.equal(locking[0], 'organizations', `first lock: ${locking.join(', ')}`);
    assert.ok(locking.indexOf('user_invitations') > 0 && locking.indexOf('users') > 0, locking.join(', '));
  });
});
