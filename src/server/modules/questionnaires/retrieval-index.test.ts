import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { repoRoot } from '../../../../test/support/paths.js';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { faqEntryInputSchema, faqSectionInputSchema } from '../../../contracts/trust-center.js';
import { bootstrapIfEmpty } from '../../bootstrap.js';
import { loadKeyring } from '../../kernel/audit/signing-key.js';
import { type ServiceContext, systemActor } from '../../kernel/context.js';
import type { DatabaseHandle } from '../../kernel/db/database.js';
import { createEntry, createSection, updateEntry } from '../trust-center/faq.service.js';
import { loadKnowledgeBase } from './knowledge-base.repository.js';
import { type Proposal, proposeAnswers } from './retrieval.js';

const questionsOf = (file: string): string[] =>
  (
    JSON.parse(readFileSync(path.join(repoRoot, 'bench', file), 'utf8')) as { items: { question: string }[] }
  ).items.map((i) => i.question);
const questions = questionsOf('questionnaire-labelled.json');

async function demoDatabase(): Promise<{ handle: DatabaseHandle; ctx: ServiceContext }> {
  const handle = await createTestDatabase();
  const keyring = loadKeyring(path.join(mkdtempSync(path.join(os.tmpdir(), 'tillit-kb-')), 'audit-key.pem'));
  const first = await bootstrapIfEmpty(handle.db, keyring, { demo: true, demoProgramme: true });
  assert.ok(first);
  return { handle, ctx: { db: handle.db, organizationId: first.organizationId, actor: systemActor } };
}

/** A proposal without the random ids of one database. */
const portable = (p: Proposal) => ({
  ...p,
  sources: p.sources.map(({ id: _id, ...s }) => s),
});

describe('proposals from the knowledge index (PGlite or PostgreSQL)', () => {
  let a: { handle: DatabaseHandle; ctx: ServiceContext };
  let b: { handle: DatabaseHandle; ctx: ServiceContext };
  before(async () => {
    a = await demoDatabase();
    b = await demoDatabase();
  });
  after(async () => {
    await a?.handle.close();
    await b?.handle.close();
  });

  test('the same questions on the same content in two fresh databases get the same proposals', async () => {
    const first = await proposeAnswers(a.ctx, questions, await loadKnowledgeBase(a.ctx));
    const second = await proposeAnswers(b.ctx, questions, await loadKnowledgeBase(b.ctx));
    assert.ok(first.filter((p) => p.answer).length > questions.length / 2, 'most questions get a proposal');
    assert.deepEqual(first.map(portable), second.map(portable));
  });

  test('IPS/IDS and ISO/IEC 27001 are split at the slash in questions and in sources', async () => {
    const ctx = b.ctx;
    const section = await createSection(
      ctx,
      faqSectionInputSchema.parse({ title: 'Standards', language: 'en' }),
    );
    await createEntry(
      ctx,
      faqEntryInputSchema.parse({
        sectionId: section.id,
        question: 'Which standards does your ISMS follow?',
        answer: 'Our management system follows ISO/IEC 27001:2022 and ISO/IEC 27017.',
        published: true,
      }),
    );
    const docs = await loadKnowledgeBase(ctx);
    const [ids, iso] = await proposeAnswers(
      ctx,
      ['Are IPS/IDS deployed?', 'Is your ISMS aligned with iec 27017?'],
      docs,
    );
    assert.equal(ids?.sources[0]?.title, 'Do you offer intrusion detection and prevention (IDS/IPS)?');
    assert.ok(ids?.answer);
    const idsWords = ids?.sources[0]?.explanation?.matched.map((m) => m.question.split(', ')) ?? [];
    assert.ok(
      idsWords.some((w) => w.includes('ids') && w.includes('ips')),
      `the question's own words for the idea: ${idsWords.join(' / ')}`,
    );
    assert.equal(iso?.sources[0]?.title, 'Which standards does your ISMS follow?');
    const vectorOf = async (title: string) => {
      const doc = docs.find((d) => d.title === title);
      const row = await ctx.db
        .selectFrom('questionnaire_knowledge_index')
        .select(sql<string>`vector::text`.as('vector'))
        .where('organization_id', '=', ctx.organizationId)
        .where('source_key', '=', `faq:${doc?.id}`)
        .executeTakeFirstOrThrow();
      return row.vector;
    };
    const idsVector = await vectorOf('Do you offer intrusion detection and prevention (IDS/IPS)?');
    assert.match(idsVector, /'id':\d+A/, 'the title stores IDS as its own word');
    assert.match(idsVector, /'ip':\d+A/, 'the title stores IPS as its own word');
    const isoVector = await vectorOf('Which standards does your ISMS follow?');
    assert.match(isoVector, /'iec':\d+,\d+/, 'the answer stores ISO/IEC as two words, twice');
    assert.match(isoVector, /'27017':/);
  });

  test('a hyphenated Swedish compound matches through its parts', async () => {
    const docs = await loadKnowledgeBase(a.ctx);
    const [p] = await proposeAnswers(a.ctx, ['Har ni IDS-skydd?'], docs);
    assert.equal(p?.sources[0]?.title, 'Do you offer intrusion detection and prevention (IDS/IPS)?');
    assert.ok(p?.sources[0]?.explanation?.synonymGroups.includes('intrusion detection'));
  });

  test('a question the knowledge base cannot answer gets no proposal, and says why', async () => {
    const docs = await loadKnowledgeBase(a.ctx);
    const [p] = await proposeAnswers(a.ctx, ['Do you accept payment by cryptocurrency?'], docs);
    assert.equal(p?.answer, null);
    assert.equal(p?.tier, null);
    if (p?.sources[0]) assert.match(p.sources[0].explanation?.reason ?? '', /No proposal/);
  });

  test('internal policy excerpts are proposed only on opt-in; the public FAQ wins over them', async () => {
    const docs = await loadKnowledgeBase(a.ctx);
    const question = ['Which site can we fail over to when a data centre is lost, and how is it invoked?'];
    const [closed] = await proposeAnswers(a.ctx, question, docs);
    assert.ok(!closed?.sources.some((s) => s.audience === 'internal'), 'no internal source without opt-in');
    const [open] = await proposeAnswers(a.ctx, question, docs, { includeInternal: true });
    assert.ok(
      open?.sources.some((s) => s.audience === 'internal'),
      'the DR plan is a candidate on opt-in',
    );
    const [sameWords] = await proposeAnswers(a.ctx, ['Is customer data encrypted at rest?'], docs, {
      includeInternal: true,
    });
    assert.equal(sameWords?.sources[0]?.type, 'faq');
  });

  test('a changed or withdrawn source is re-indexed before the next proposals', async () => {
    const ctx = b.ctx;
    const docs = await loadKnowledgeBase(ctx);
    const entry = docs.find((d) => d.type === 'faq' && d.title === 'Where is my data stored?');
    assert.ok(entry, 'the demo FAQ has the data-location entry');
    const question = 'Do you keep a register of ferrets in the server room?';
    const [before] = await proposeAnswers(ctx, [question], docs);
    assert.notEqual(before?.sources[0]?.id, entry.id);
    await updateEntry(ctx, entry.id, {
      answer: 'A register of ferrets kept in the server room is reviewed weekly.',
    });
    const [now] = await proposeAnswers(ctx, [question], await loadKnowledgeBase(ctx));
    assert.equal(now?.sources[0]?.id, entry.id, 'the new answer text matches the question');
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
