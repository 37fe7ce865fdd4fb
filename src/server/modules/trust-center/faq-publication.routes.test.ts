import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { publishedTrustSettings } from '../../../../test/support/trust-settings.js';
import type { FaqEntry } from '../../../contracts/trust-center.js';

const settings = publishedTrustSettings;

describe('FAQ answers: draft, published, four-eyes', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  let admin: ReturnType<typeof apiClient>;
  let sectionId: string;
  const publicFaq = async () => (await t.app.inject({ method: 'GET', url: '/trust/faq' })).body;

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
    admin = apiClient(t, await t.signIn('admin'));
    await manager.expect(200, 'PUT', '/api/trust-center/settings', settings);
    sectionId = (
      await manager.expect<{ id: string }>(201, 'POST', '/api/faq/sections', { title: 'Security' })
    ).id;
  });
  after(() => t.close());

  test('a new answer is a draft until someone publishes it', async () => {
    const draft = await manager.expect<FaqEntry>(201, 'POST', '/api/faq/entries', {
      sectionId,
      question: 'Do you encrypt backups?',
      answer: 'Yes, with keys kept per data centre.',
    });
    assert.equal(draft.published, false);
    assert.ok(!(await publicFaq()).includes('Do you encrypt backups?'), 'a draft is not public');
    const published = await manager.expect<FaqEntry>(200, 'POST', `/api/faq/entries/${draft.id}/publish`);
    assert.equal(published.published, true);
    assert.equal(published.publishedByName, 'Test compliance-manager');
    assert.ok((await publicFaq()).includes('Do you encrypt backups?'));
    await manager.expect(409, 'POST', `/api/faq/entries/${draft.id}/publish`);
    // Editing the answer alone keeps its publication (four-eyes is off).
    const edited = await manager.expect<FaqEntry>(200, 'PATCH', `/api/faq/entries/${draft.id}`, {
      answer: 'Yes, with AES-256 and keys kept per data centre.',
    });
    assert.equal(edited.published, true);
    assert.ok((await auditActions(t)).includes('faq-entry.published'));
  });

  test('with four-eyes on, the last editor cannot publish; another person can; an edit returns it to draft', async () => {
    await manager.expect(200, 'PUT', '/api/trust-center/settings', { ...settings, faqFourEyes: true });
    const refused = await manager.call('POST', '/api/faq/entries', {
      sectionId,
      question: 'Do you test restores?',
      answer: 'Every quarter.',
      published: true,
    });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error.message, /someone else must publish it/);
    const list = await manager.expect<{ total: number }>(200, 'GET', '/api/faq/entries');
    assert.equal(list.total, 1, 'nothing was written');

    const draft = await manager.expect<FaqEntry>(201, 'POST', '/api/faq/entries', {
      sectionId,
      question: 'Do you test restores?',
      answer: 'Every quarter.',
    });
    assert.equal(draft.lastEditedByName, 'Test compliance-manager');
    await manager.expect(409, 'POST', `/api/faq/entries/${draft.id}/publish`);
    const byOther = await admin.expect<FaqEntry>(200, 'POST', `/api/faq/entries/${draft.id}/publish`);
    assert.equal(byOther.publishedByName, 'Test admin');
    assert.ok((await publicFaq()).includes('Do you test restores?'));

    const changed = await manager.expect<FaqEntry>(200, 'PATCH', `/api/faq/entries/${draft.id}`, {
      answer: 'Every month.',
    });
    assert.equal(changed.published, false, 'a changed answer needs a second pair of eyes again');
    assert.ok(!(await publicFaq()).includes('Do you test restores?'));
    const sneaky = await manager.call('PATCH', `/api/faq/entries/${draft.id}`, { published: true });
    assert.equal(sneaky.statusCode, 409);
    const imported = await manager.call('POST', '/api/faq/import', {
      markdown:
        '---\ntitle: FAQ\nlanguage: en\n---\n## Security\n{{% question question="Q?" %}}\nA.\n{{% /question %}}\n',
      publish: true,
    });
    assert.equal(imported.statusCode, 409);
    await manager.expect(200, 'PUT', '/api/trust-center/settings', settings);
  });

  test('relative links in answers point at the configured website on the public page', async () => {
    await manager.expect(201, 'POST', '/api/faq/entries', {
      sectionId,
      question: 'Where is the DPA?',
      answer: 'Download the [DPA](/documents/dpa.pdf).',
      published: true,
    });
    assert.match(await publicFaq(), /href="\/documents\/dpa\.pdf"/);
    await manager.expect(200, 'PUT', '/api/trust-center/settings', {
      ...settings,
      siteUrl: 'https://www.norrsken.example/',
    });
    assert.match(await publicFaq(), /href="https:\/\/www\.norrsken\.example\/documents\/dpa\.pdf"/);
    const bad = await manager.call('PUT', '/api/trust-center/settings', {
      ...settings,
      siteUrl: 'ftp://x.example',
    });
    assert.equal(bad.statusCode, 400);
  });

  test('an import lists near-duplicate questions and skips, replaces or keeps each as chosen', async () => {
    const markdown = [
      '---',
      'title: FAQ',
      'language: en',
      '---',
      '## Data',
      '{{% question question="Do you encrypt your backups?" %}}',
      'Yes: AES-256, keys per site.',
      '{{% /question %}}',
      '{{% question question="Who is your DPO?" %}}',
      'An external DPO.',
      '{{% /question %}}',
      '',
    ].join('\n');
    const before = (await manager.expect<{ total: number }>(200, 'GET', '/api/faq/entries')).total;
    const preview = await manager.expect<{ duplicates: { question: string; existingQuestion: string }[] }>(
      200,
      'POST',
      '/api/faq/import/preview',
      { markdown },
    );
    assert.deepEqual(
      preview.duplicates.map((d) => [d.question, d.existingQuestion]),
      [['Do you encrypt your backups?', 'Do you encrypt backups?']],
    );
    assert.equal((await manager.expect<{ total: number }>(200, 'GET', '/api/faq/entries')).total, before);

    const skipped = await manager.expect<{ questionsCreated: number; duplicatesSkipped: number }>(
      200,
      'POST',
      '/api/faq/import',
      { markdown, duplicates: { 'Do you encrypt your backups?': 'skip' } },
    );
    assert.deepEqual([skipped.questionsCreated, skipped.duplicatesSkipped], [1, 1]);
    const replaced = await manager.expect<{ duplicatesReplaced: number }>(200, 'POST', '/api/faq/import', {
      markdown,
      duplicates: { 'Do you encrypt your backups?': 'replace' },
    });
    assert.equal(replaced.duplicatesReplaced, 1);
    const entries = await manager.expect<{ items: FaqEntry[] }>(200, 'GET', '/api/faq/entries?pageSize=200');
    const questions = entries.items.map((e) => e.question);
    assert.ok(!questions.includes('Do you encrypt your backups?'), 'no second copy of the question');
    assert.equal(
      entries.items.find((e) => e.question === 'Do you encrypt backups?')?.answer,
      'Yes: AES-256, keys per site.',
    );
  });
});
