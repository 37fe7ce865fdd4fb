import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/server/kernel/config/config.js';
import { type RunningServer, startServer } from '../support/cli.js';
import { createTestInstance, type TestInstance } from '../support/test-database.js';

test('the first admin and organisation of a non-demo install come from the environment, checked', () => {
  const c = loadConfig({
    TILLIT_ADMIN_EMAIL: 'CISO@Fjord.example',
    TILLIT_ORGANIZATION_NAME: 'Fjord Cloud AS',
  });
  assert.equal(c.adminEmail, 'ciso@fjord.example');
  assert.equal(c.organizationName, 'Fjord Cloud AS');
  assert.throws(
    () => loadConfig({ TILLIT_ADMIN_EMAIL: 'nobody' }),
    (e: Error) => e instanceof ConfigError && /TILLIT_ADMIN_EMAIL/.test(e.message),
  );
});

/** A first start initialises PGlite and seeds; on a busy machine that takes over a minute. */
const FIRST_START_TIMEOUT_MS = 180_000;

describe('a non-demo first start at log level info', () => {
  let instance: TestInstance;
  let server: RunningServer;

  before(async () => {
    instance = await createTestInstance('first-start');
    server = await startServer(
      {
        ...instance.env,
        TILLIT_DEMO: 'false',
        TILLIT_ADMIN_EMAIL: 'ciso@fjord.example',
        TILLIT_ORGANIZATION_NAME: 'Fjord Cloud AS',
        TILLIT_LOG_LEVEL: 'info',
        TILLIT_JOBS: 'false',
      },
      FIRST_START_TIMEOUT_MS,
    );
  });
  after(async () => {
    await server?.stop();
    await instance?.dispose();
  });

  test('creates the configured admin and organisation and prints short, readable start-up output', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
    await server.stop();
    const out = server.stdout();
    assert.match(out, /^\s*email:\s+ciso@fjord\.example$/m);
    const handle = await instance.open();
    try {
      const orgs = await handle.db.selectFrom('organizations').select('name').execute();
      assert.deepEqual(
        orgs.map((o) => o.name),
        ['Fjord Cloud AS'],
      );
    } finally {
      await handle.close();
    }
    const lines = out.split('\n').filter((l) => l.trim());
    assert.ok(
      lines.some((l) => /applied \d+ database migrations/.test(l)),
      out,
    );
    const long = lines.filter((l) => l.length > 300);
    assert.deepEqual(long, [], 'no long line (the migration list is at debug)');
    const requestLines = lines.filter((l) => /"(incoming request|request completed|request)"/.test(l));
    assert.deepEqual(requestLines, [], 'requests are logged at debug, not info');
  });
});
