import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { apiClient } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { parseHugoFaq } from '../../../formats/hugo-faq.js';

const fixture = readFileSync(new URL('../../../../test/fixtures/hugo/faq-sv.md', import.meta.url), 'utf8');

describe('Hugo FAQ page round trip', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t, await t.signIn('compliance-manager'));
  });
  after(() => t.close());

  test('the export keeps the page’s front matter and the text around the FAQ block, so it can replace the page', async () => {
    await api.expect(200, 'POST', '/api/faq/import', { markdown: fixture, publish: true });
    const res = await api.call('GET', '/api/faq/export.md?language=sv');
    assert.equal(res.statusCode, 200);
    const original = parseHugoFaq(fixture);
    const exported = parseHugoFaq(res.body);
    assert.deepEqual(exported.frontMatter, original.frontMatter, 'title, slug, section, intro, date, draft');
    assert.ok(res.body.startsWith(`---\n${original.frontMatterText}\n---\n`), 'front matter byte for byte');
    assert.ok(res.body.includes('<div class="faq-intro">\nHär svarar vi på vanliga frågor.\n</div>\n\n## '));
    assert.ok(res.body.trimEnd().endsWith('{{< accordion-script >}}'));
    assert.deepEqual(exported.sections, original.sections);
    // Imported again, the exported page changes nothing.
    const again = await api.expect<{ questionsCreated: number; questionsUpdated: number }>(
      200,
      'POST',
      '/api/faq/import',
      { markdown: res.body, publish: true },
    );
    assert.deepEqual([again.questionsCreated, again.questionsUpdated], [0, 0]);
    assert.equal((await api.call('GET', '/api/faq/export.md?language=sv')).body, res.body);
  });
});
