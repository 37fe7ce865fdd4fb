import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServiceFixture, type ServiceFixture } from '../../../../test/support/service-fixture.js';
import { policyInputSchema } from '../../../contracts/policies.js';
import { faqEntryInputSchema, faqSectionInputSchema } from '../../../contracts/trust-center.js';
import type { ServiceContext } from '../../kernel/context.js';
import { createControl } from '../controls/controls.service.js';
import { createPolicy } from '../policies/policies.service.js';
import { approveVersion, publishVersion, submitVersion } from '../policies/versions.service.js';
import { createEntry, createSection, updateEntry } from '../trust-center/faq.service.js';
import { loadKnowledgeBase } from './knowledge-base.repository.js';
import { proposeAnswers } from './retrieval.js';

async function faq(ctx: ServiceContext, language: string, entries: [string, string, boolean?][]) {
  const section = await createSection(
    ctx,
    faqSectionInputSchema.parse({ title: `FAQ ${language}`, language }),
  );
  const ids: string[] = [];
  for (const [question, answer, published] of entries) {
    const entry = await createEntry(
      ctx,
      faqEntryInputSchema.parse({ sectionId: section.id, question, answer, published: published ?? true }),
    );
    ids.push(entry.id);
  }
  return ids;
}

describe('answer proposals from the knowledge base (PGlite or PostgreSQL)', () => {
  let f: ServiceFixture;
  let other: ServiceFixture;
  let ctx: ServiceContext;
  let ids: string[];
  before(async () => {
    f = await createServiceFixture('Answering AB');
    ctx = f.system;
    ids = await faq(ctx, 'en', [
      ['Where is my data stored?', 'In our data centres in Stockholm and Oslo; it never leaves the Nordics.'],
      ['Do you offer a DPA?', 'Yes, a data processing agreement is part of every contract.'],
      ['Is customer data encrypted at rest?', 'Yes, every disk holding customer data is encrypted at rest.'],
      ['Do you run a bug bounty?', 'Draft answer that is not published yet.', false],
    ]);
    // A control whose statement mentions backups, with a failing state behind an FAQ answer linked to it.
    const control = await createControl(ctx, {
      title: 'Backups with restore tests',
      implementation: 'Backups replicate to a second data centre and a restore is tested every quarter.',
      status: 'implemented',
      ownerId: null,
      serviceId: null,
      requirementIds: [],
    });
    const flagged = await faq(ctx, 'sv', [
      ['Hur ofta säkerhetskopierar ni?', 'Varje natt, och vi testar återläsning.'],
    ]);
    await updateEntry(ctx, flagged[0] as string, { controlIds: [control.id] });
    other = await createServiceFixture('Other AB');
    await faq(other.system, 'en', [['Do you accept payment by credit card?', 'Other AB takes every card.']]);
  });
  after(async () => {
    await f?.close();
    await other?.close();
  });

  test('English, Swedish and Norwegian paraphrases pick the right FAQ entry', async () => {
    const docs = await loadKnowledgeBase(ctx);
    const [en, sv, no] = await proposeAnswers(
      ctx,
      [
        'In which country will our data be hosted?',
        'Krypteras lagrad data (kryptering i vila)?',
        'Tilbyr dere en databehandleravtale?',
      ],
      docs,
    );
    assert.equal(en?.sources[0]?.id, ids[0]);
    assert.equal(en?.answer, 'In our data centres in Stockholm and Oslo; it never leaves the Nordics.');
    assert.equal(sv?.sources[0]?.id, ids[2]);
    assert.equal(no?.sources[0]?.id, ids[1]);
    for (const p of [en, sv, no]) assert.ok(p?.tier, `proposed with a tier: ${p?.score}`);
  });

  test('an unrelated question gets no proposal', async () => {
    const [p] = await proposeAnswers(
      ctx,
      ['How many parking spaces does your head office have?'],
      await loadKnowledgeBase(ctx),
    );
    assert.equal(p?.answer, null);
    assert.equal(p?.tier, null);
  });

  test('unpublished entries, entries held for review and other organisations are never used', async () => {
    const docs = await loadKnowledgeBase(ctx);
    const texts = docs.map((d) => d.answer);
    assert.ok(!texts.includes('Draft answer that is not published yet.'));
    assert.ok(
      !texts.includes('Varje natt, och vi testar återläsning.'),
      'the linked control has no evidence',
    );
    assert.ok(!texts.some((t) => t.includes('Other AB')));
    assert.ok(
      texts.some((t) => t.includes('restore is tested every quarter')),
      'control statements are used',
    );
    const [card] = await proposeAnswers(ctx, ['Do you accept payment by credit card?'], docs);
    assert.ok(!card?.sources.some((s) => s.excerpt.includes('Other AB')));
    assert.equal(card?.answer, null);
  });

  test('a control whose evidence went stale or whose check fails is never cited', async () => {
    const stale = await createControl(ctx, {
      title: 'Vulnerability scans',
      implementation: 'Every host is scanned for vulnerabilities each week.',
      status: 'implemented',
      ownerId: null,
      serviceId: null,
      requirementIds: [],
    });
    const cited = async () => (await loadKnowledgeBase(ctx)).some((d) => d.id === stale.id);
    assert.ok(await cited(), 'cited while it has no problem');
    await ctx.db
      .insertInto('evidence')
      .values({
        organization_id: ctx.organizationId,
        kind: 'link',
        title: 'Scan summary',
        url: 'https://example.com/scan',
        valid_from: new Date(Date.now() - 60 * 86_400_000),
        expires_at: new Date(Date.now() - 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((e) =>
        ctx.db
          .insertInto('evidence_controls')
          .values({ organization_id: ctx.organizationId, evidence_id: e.id, control_id: stale.id })
          .execute(),
      );
    assert.ok(!(await cited()), 'stale evidence: not cited');
  });

  test('a policy excerpt names its document, version and classification; drafts are never used', async () => {
    const writer = await f.person('compliance-manager', 'Policy Writer');
    const approver = await f.person('admin', 'Policy Approver');
    const published = await createPolicy(
      writer.ctx,
      policyInputSchema.parse({
        title: 'Disaster recovery plan',
        kind: 'plan',
        ownerId: writer.id,
        classification: 'internal',
        reviewIntervalMonths: 12,
        body: '# Disaster recovery plan\n\n## Recovery\n\nCompute recovers in the second data centre within four hours.',
        changeSummary: 'First version',
      }),
    );
    await submitVersion(writer.ctx, published.id, 1);
    await approveVersion(approver.ctx, published.id, 1);
    await publishVersion(writer.ctx, published.id, 1);
    await createPolicy(
      writer.ctx,
      policyInputSchema.parse({
        title: 'Draft remote work guideline',
        kind: 'guideline',
        ownerId: writer.id,
        classification: 'public',
        reviewIntervalMonths: 12,
        body: '# Remote work\n\n## Laptops\n\nLaptops are encrypted and never left unattended.',
        changeSummary: 'First version',
      }),
    );
    const docs = await loadKnowledgeBase(ctx);
    const excerpt = docs.find((d) => d.type === 'policy' && d.answer.includes('within four hours'));
    assert.equal(excerpt?.ref, 'Disaster recovery plan v1 (internal document)');
    assert.ok(
      !docs.some((d) => d.answer.includes('never left unattended')),
      'a draft is not approved content',
    );
  });

  test('an internal excerpt is proposed only on opt-in, and a public FAQ answer saying the same wins', async () => {
    const writer = await f.person('compliance-manager', 'Audience Writer');
    const approver = await f.person('admin', 'Audience Approver');
    const internal = await createPolicy(
      writer.ctx,
      policyInputSchema.parse({
        title: 'Key ceremony runbook',
        kind: 'procedure',
        ownerId: writer.id,
        classification: 'internal',
        reviewIntervalMonths: 12,
        body:
          '# Key ceremony runbook\n\n## Key ceremonies\n\nRoot signing keys are rotated in a witnessed key ceremony.\n\n' +
          '## Data location\n\nIn our data centres in Stockholm and Oslo; it never leaves the Nordics.',
        changeSummary: 'First version',
      }),
    );
    await submitVersion(writer.ctx, internal.id, 1);
    await approveVersion(approver.ctx, internal.id, 1);
    await publishVersion(writer.ctx, internal.id, 1);
    const docs = await loadKnowledgeBase(ctx);
    assert.ok(docs.some((d) => d.audience === 'internal' && d.answer.includes('key ceremony')));
    const question = ['Are root signing keys rotated in a witnessed key ceremony?'];
    const [closed] = await proposeAnswers(ctx, question, docs);
    assert.equal(closed?.answer, null, 'no proposal from an internal document without opt-in');
    assert.ok(!closed?.sources.some((s) => s.audience === 'internal'), 'not even as a runner-up');
    const [open] = await proposeAnswers(ctx, question, docs, { includeInternal: true });
    assert.equal(open?.sources[0]?.audience, 'internal');
    assert.ok(open?.answer?.includes('witnessed key ceremony'));
    const [same] = await proposeAnswers(ctx, ['Where is my data stored?'], docs, { includeInternal: true });
    assert.equal(same?.sources[0]?.id, ids[0], 'the public FAQ answer comes first');
    assert.ok(
      same?.sources.some((s) => s.audience === 'internal' && s.excerpt.includes('never leaves the Nordics')),
      'the internal excerpt saying the same is only a runner-up',
    );
  });
});
