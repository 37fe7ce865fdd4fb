import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDemoDatabase, type DemoDatabase } from '../../../test/support/demo-database.js';

let demo: DemoDatabase;
before(async () => {
  demo = await createDemoDatabase('docs', { files: true });
});
after(() => demo.close());

test('the demo offers its FR2000 certificate, a DPA, an SLA and the controls list under NDA, with NDA v1 and one auto-approved domain', async () => {
  const { handle, files } = demo;
  assert.ok(files);
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
      ['certificate', 'public', true],
      ['sla', 'public', true],
    ],
  );
  const certified = await handle.db
    .selectFrom('trust_certifications as c')
    .innerJoin('trust_documents as d', 'd.id', 'c.certificate_document_id')
    .select(['c.name', 'd.title'])
    .execute();
  assert.deepEqual(
    certified,
    [{ name: 'FR2000', title: 'FR2000 certificate' }],
    'the certificate is attached',
  );
  for (const d of docs.filter((x) => x.file_sha256)) assert.ok(await files.exists(d.file_sha256 ?? ''));
  const nda = await handle.db.selectFrom('trust_nda_versions').select('version').execute();
  assert.deepEqual(nda, [{ version: 1 }]);
  const rules = await handle.db.selectFrom('trust_auto_approval_rules').select('domain').execute();
  assert.deepEqual(rules, [{ domain: 'kund.example' }]);
});
