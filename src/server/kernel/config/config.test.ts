import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

test('defaults: PGlite in ./data on localhost:8080 with the demo', () => {
  const c = loadConfig({});
  assert.equal(c.dataDir, path.resolve('data'));
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.port, 8080);
  assert.equal(c.publicUrl, 'http://127.0.0.1:8080');
  assert.equal(c.seedDemo, true);
  assert.equal(c.secureCookies, false);
  assert.equal(c.auditKeyFile, path.resolve('data', 'audit-signing-key.pem'));
});

test('an https public URL turns on secure cookies', () => {
  assert.equal(loadConfig({ TILLIT_PUBLIC_URL: 'https://trust.example/' }).secureCookies, true);
  assert.equal(
    loadConfig({ TILLIT_PUBLIC_URL: 'https://trust.example/' }).publicUrl,
    'https://trust.example',
  );
});

test('bad values are refused with the variable named', () => {
  assert.throws(
    () => loadConfig({ TILLIT_PORT: 'eighty' }),
    (e: Error) => e instanceof ConfigError && /TILLIT_PORT/.test(e.message),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL must start with postgres/);
  assert.throws(() => loadConfig({ TILLIT_DEMO: 'maybe' }), /TILLIT_DEMO/);
});

test('trusting a proxy is off unless configured, and accepts proxy addresses', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ TILLIT_TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(loadConfig({ TILLIT_TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy, '10.0.0.0/8,127.0.0.1');
  assert.throws(() => loadConfig({ TILLIT_TRUST_PROXY: 'everyone' }), /TILLIT_TRUST_PROXY must be/);
});
