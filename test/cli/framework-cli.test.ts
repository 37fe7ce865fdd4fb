import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, runTillit, startServer } from '../support/cli.js';
import { createTestInstance, type TestInstance } from '../support/test-database.js';

const nistLow = path.resolve(
  repoRoot,
  '../shared/data/oscal-NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json',
);

describe('tillit framework, mappings and soa commands', () => {
  let instance: TestInstance;
  let env: Record<string, string>;
  const run = (...args: string[]) => runTillit(args, env);

  before(async () => {
    instance = await createTestInstance('frameworks-cli', { migrated: true });
    env = { ...instance.env, TILLIT_DEMO_PROGRAMME: 'false' };
    const server = await startServer(env);
    await server.stop();
  });
  after(() => instance?.dispose());

  test('install a built-in framework, import NIST from OSCAL, and list both', async () => {
    const install = await run('framework', 'install', 'iso27001-2022');
    assert.equal(install.code, 0, install.stderr);
    assert.match(install.stdout, /Installed ISO\/IEC 27001:2022.*: \d+ requirements/);
    const imported = await run('framework', 'import', nistLow, '--key', 'nist-800-53-rev5-low');
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /as nist-800-53-rev5-low: \d+ requirements/);
    const list = await run('framework', 'list');
    assert.match(list.stdout, /iso27001-2022\t\d+\t.*\(installed\)/);
    assert.match(list.stdout, /nist-800-53-rev5-low\t\d+\t.*\(installed\)/);
    assert.match(list.stdout, /nis2\t\d+\t.*\(available\)/);
  });

  test('bad files exit 1 with a message naming the problem', async () => {
    const notJson = path.join(instance.dataDir, 'broken.json');
    writeFileSync(notJson, readFileSync(nistLow, 'utf8').slice(0, 5000));
    const truncated = await run('framework', 'import', notJson);
    assert.equal(truncated.code, 1);
    assert.match(truncated.stderr, /broken\.json is not valid JSON/);
    const again = await run('framework', 'install', 'iso27001-2022');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already installed/);
    const csv = path.join(instance.dataDir, 'mappings.csv');
    writeFileSync(
      csv,
      'source_framework,source_ref,target_framework,target_ref,relationship\nx,1,y,2,sort-of\n',
    );
    const mappings = await run('mappings', 'import', csv);
    assert.equal(mappings.code, 1);
    assert.match(mappings.stderr, /line 2/);
  });

  test('soa export writes the XLSX, CSV and PDF', async () => {
    for (const [ext, magic] of [
      ['xlsx', 'PK'],
      ['pdf', '%PDF-'],
    ] as const) {
      const out = path.join(instance.dataDir, `soa.${ext}`);
      const result = await run('soa', 'export', '--framework', 'iso27001-2022', '--out', out);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(readFileSync(out).subarray(0, magic.length).toString(), magic);
    }
    const csvOut = path.join(instance.dataDir, 'soa.csv');
    assert.equal((await run('soa', 'export', '--framework', 'iso27001-2022', '--out', csvOut)).code, 0);
    assert.match(readFileSync(csvOut, 'utf8'), /A\.8\.34/);
    const unknown = await run('soa', 'export', '--framework', 'nope', '--out', csvOut);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No installed framework nope/);
  });
});
