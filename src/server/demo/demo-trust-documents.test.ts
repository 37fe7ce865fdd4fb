import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { bootstrapIfEmpty } from '../bootstrap.js';
import { loadKeyring } from '../kernel/audit/signing-key.js';
import { createFileStore } from '../kernel/files/index.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-demo-docs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the demo offers a DPA, an SLA and the controls list under NDA, with NDA v1 and one auto-approved domain', async () => {
  const handle = await createTestDatabase();
  try {
    const files = createFileStore({ dataDir: dir, s3: undefined });
    const first = await bootstrapIfEmpty(handle.db, loadKeyring(path.join(dir, 'key.pem')), {
      demo: true,
      files,
    });
    assert.ok(first);
    const docs = await handle.db
      .selectFrom('trust_documents')
      .select(['title', 'kind', 'access_level', 'published', 'file_sha256'])
      .orderBy('title')
      .execute();
    assert.deepEqual(
      docs.map((d) => [d.kind, d.access_level, d.published]),
      [
        ['controls-list', 'nda', true],
        ['dpa', 'on-request', true],
        ['sla', 'public', true],
      ],
    );
    for (const d of docs.filter((x) => x.file_sha256)) assert.ok(await files.exists(d.file_sha256 ?? ''));
    const nda = await handle.db.selectFrom('trust_nda_versions').select('version').execute();
    assert.deepEqual(nda, [{ version: 1 }]);
    const rules = await handle.db.selectFrom('trust_auto_approval_rules').select('domain').execute();
    assert.deepEqual(rules, [{ domain: 'kund.example' }]);
  } finally {
    await handle.close();
  }
});
