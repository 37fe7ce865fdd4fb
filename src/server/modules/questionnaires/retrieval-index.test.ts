import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { growKnowledgeBase } from '../../../../bench/knowledge-data.js';
import { repoRoot } from '../../../../test/support/paths.js';
import { fullScanProposals } from '../../../../test/support/questionnaire-full-scan.js';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { bootstrapIfEmpty } from '../../bootstrap.js';
import { loadKeyring } from '../../kernel/audit/signing-key.js';
import { type ServiceContext, systemActor } from '../../kernel/context.js';
import type { DatabaseHandle } from '../../kernel/db/database.js';
import { updateEntry } from '../trust-center/faq.service.js';
import { loadKnowledgeBase } from './knowledge-base.repository.js';
import { proposeAnswers } from './retrieval.js';

const questionsOf = (file: string): string[] =>
  (
    JSON.parse(readFileSync(path.join(repoRoot, 'bench', file), 'utf8')) as { items: { question: string }[] }
  ).items.map((i) => i.question);
const questions = [
  ...questionsOf('questionnaire-labelled.json'),
  ...questionsOf('questionnaire-heldout.json'),
];

describe('proposals through the stored knowledge index equal the full scan (PGlite or PostgreSQL)', () => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  before(async () => {
    handle = await createTestDatabase();
    const keyring = loadKeyring(
      path.join(mkdtempSync(path.join(os.tmpdir(), 'tillit-kb-')), 'audit-key.pem'),
    );
    const first = await bootstrapIfEmpty(handle.db, keyring, { demo: true, demoProgramme: true });
    assert.ok(first);
    ctx = { db: handle.db, organizationId: first.organizationId, actor: systemActor };
  });
  after(() => handle?.close());

  test('the demo knowledge base: every labelled and held-out question gets the full scan’s proposal', async () => {
    const docs = await loadKnowledgeBase(ctx);
    const indexed = await proposeAnswers(ctx, questions, docs);
    assert.deepEqual(indexed, await fullScanProposals(ctx, questions, docs));
    assert.ok(
      indexed.filter((p) => p.answer).length > questions.length / 2,
      'most questions get a proposal, so the comparison compares something',
    );
  });

  test('grown by 600 generated sources, the candidates left unranked never change a proposal', async () => {
    await growKnowledgeBase(ctx, 600);
    const docs = await loadKnowledgeBase(ctx);
    assert.ok(docs.length > 600);
    assert.deepEqual(
      await proposeAnswers(ctx, questions, docs),
      await fullScanProposals(ctx, questions, docs),
    );
  });

  test('a changed or withdrawn source is re-indexed before the next proposals', async () => {
    const docs = await loadKnowledgeBase(ctx);
    const entry = docs.find((d) => d.type === 'faq' && d.title === 'Where is my data stored?');
    assert.ok(entry, 'the demo FAQ has the data-location entry');
    const question = 'Do you keep a register of ferrets in the server room?';
    const [before] = await proposeAnswers(ctx, [question], docs);
    assert.notEqual(before?.sources[0]?.id, entry.id);
    await updateEntry(ctx, entry.id, {
      answer: 'A register of ferrets kept in the server room is reviewed weekly.',
    });
    const changed = await loadKnowledgeBase(ctx);
    const [now] = await proposeAnswers(ctx, [question], changed);
    assert.equal(now?.sources[0]?.id, entry.id, 'the new answer text matches the question');
    assert.deepEqual([now], await fullScanProposals(ctx, [question], changed));
    await updateEntry(ctx, entry.id, { published: false });
    const withdrawn = await loadKnowledgeBase(ctx);
    await proposeAnswers(ctx, [question], withdrawn);
    const stored = await ctx.db
      .selectFrom('questionnaire_knowledge_index')
      .select('source_key')
      .where('organization_id', '=', ctx.organizationId)
      .execute();
    assert.equal(stored.length, withdrawn.length);
    assert.ok(
      !stored.some((r) => r.source_key === `faq:${entry.id}`),
      'the unpublished entry left the index',
    );
  });
});
