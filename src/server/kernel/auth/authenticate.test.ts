import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServiceFixture, type ServiceFixture } from '../../../../test/support/service-fixture.js';
import { signOut } from '../../modules/auth/auth.service.js';
import { updateUser } from '../../modules/users/users.service.js';
import { authenticateSession, SESSION_CACHE_TTL_MS } from './authenticate.js';
import { randomSecret, sha256Hex } from './secrets.js';

describe('session cache', () => {
  let f: ServiceFixture;
  before(async () => {
    f = await createServiceFixture('Sessions AB');
  });
  after(() => f.close());

  async function newSession(userId: string) {
    const token = randomSecret();
    const row = await f.handle.db
      .insertInto('sessions')
      .values({
        organization_id: f.organizationId,
        user_id: userId,
        token_hash: sha256Hex(token),
        csrf_token: 'csrf',
        expires_at: new Date(Date.now() + 3_600_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { token, id: row.id };
  }

  test('a session is served from the per-process cache for at most the TTL', async () => {
    const { id: userId } = await f.person('viewer', 'Vera Viewer');
    const s = await newSession(userId);
    const now = new Date();
    assert.equal((await authenticateSession(f.handle.db, s.token, now))?.actor.userId, userId);
    await f.handle.db.deleteFrom('sessions').where('id', '=', s.id).execute();
    assert.ok(
      await authenticateSession(f.handle.db, s.token, new Date(now.getTime() + SESSION_CACHE_TTL_MS - 1)),
      'within the TTL the cached session answers without a query',
    );
    assert.equal(
      await authenticateSession(f.handle.db, s.token, new Date(now.getTime() + SESSION_CACHE_TTL_MS + 1)),
      undefined,
      'after the TTL the deletion (e.g. by another process) is honoured',
    );
  });

  test('sign-out and disabling a user through this process are honoured at once', async () => {
    const person = await f.person('contributor', 'Carl Contributor');
    const first = await newSession(person.id);
    const now = new Date();
    const auth = await authenticateSession(f.handle.db, first.token, now);
    assert.ok(auth);
    await signOut({ ...person.ctx }, first.id);
    assert.equal(await authenticateSession(f.handle.db, first.token, now), undefined);

    const second = await newSession(person.id);
    assert.ok(await authenticateSession(f.handle.db, second.token, now));
    const admin = await f.person('admin', 'Ada Admin');
    await updateUser(admin.ctx, person.id, { status: 'disabled' });
    assert.equal(await authenticateSession(f.handle.db, second.token, now), undefined);
  });
});
