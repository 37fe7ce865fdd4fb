// Questionnaire answering: how many questions per second the retrieval answers, and how often it picks the
// right source, on the demo organisation's knowledge base: the labelled set the synonym list and thresholds were
// tuned on (questionnaire-labelled.json) and a held-out set nobody tuned on (questionnaire-heldout.json); then the
// speed again with the knowledge base grown to BENCH_QUESTIONNAIRE_SOURCES sources (default 5,000; 0 skips it).
// Runs inside `npm run bench`, or alone with `npm run bench:questionnaires`.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { bootstrapIfEmpty } from '../src/server/bootstrap.js';
import { loadKeyring } from '../src/server/kernel/audit/signing-key.js';
import { packageRoot } from '../src/server/kernel/config/package-root.js';
import { type ServiceContext, systemActor } from '../src/server/kernel/context.js';
import { openPglite } from '../src/server/kernel/db/database.js';
import { migrateToLatest } from '../src/server/kernel/db/migrate.js';
import {
  type KnowledgeDoc,
  loadKnowledgeBase,
  proposeAnswers,
} from '../src/server/modules/questionnaires/index.js';
import { growKnowledgeBase } from './knowledge-data.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_QUESTIONNAIRE_ROUNDS ?? 5);
const SOURCES = Number(process.env.BENCH_QUESTIONNAIRE_SOURCES ?? 5_000);

const labelledSchema = z.object({
  description: z.string(),
  items: z.array(
    z.object({
      language: z.enum(['en', 'sv', 'no']),
      question: z.string().min(1),
      expected: z.array(z.string().regex(/^(faq|control|policy):.+/)),
    }),
  ),
});
type Labelled = z.infer<typeof labelledSchema>['items'][number];

/** The label of a source: `faq:<question>` or `control:<ref>`, stable across databases. */
function labelOf(doc: Pick<KnowledgeDoc, 'type' | 'title' | 'ref'> | undefined): string {
  if (!doc) return '';
  return doc.type === 'control' ? `control:${doc.ref}` : `${doc.type}:${doc.title}`;
}

function accuracy(items: Labelled[], proposals: Awaited<ReturnType<typeof proposeAnswers>>) {
  const answerable = items
    .map((item, i) => ({ item, p: proposals[i] }))
    .filter((x) => x.item.expected.length > 0);
  const unanswerable = items
    .map((item, i) => ({ item, p: proposals[i] }))
    .filter((x) => x.item.expected.length === 0);
  // A policy label names the document, so any excerpt of it counts.
  const hit = (labels: string[], expected: string[]) =>
    labels.some((l) => expected.some((e) => l === e || (e.startsWith('policy:') && l.startsWith(`${e}:`))));
  const top1 = answerable.filter(({ item, p }) => p?.answer && hit([labelOf(p.sources[0])], item.expected));
  const top3 = answerable.filter(({ item, p }) => hit((p?.sources ?? []).map(labelOf), item.expected));
  const abstained = unanswerable.filter(({ p }) => p?.answer === null);
  const proposedWhenAnswerable = answerable.filter(({ p }) => p?.answer);
  const misses = answerable
    .filter(({ item, p }) => !(p?.answer && hit([labelOf(p.sources[0])], item.expected)))
    .map(({ item, p }) => ({ question: item.question, got: labelOf(p?.sources[0]), score: p?.score ?? 0 }));
  const unanswerableScores = unanswerable.map(({ item, p }) => ({
    question: item.question,
    got: labelOf(p?.sources[0]),
    score: p?.score ?? 0,
  }));
  const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);
  return {
    labelled: items.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    top1Accuracy: ratio(top1.length, answerable.length),
    top3Accuracy: ratio(top3.length, answerable.length),
    coverage: ratio(proposedWhenAnswerable.length, answerable.length),
    abstentionAccuracy: ratio(abstained.length, unanswerable.length),
    misses,
    unanswerableScores,
  };
}

function perLanguage(items: Labelled[], proposals: Awaited<ReturnType<typeof proposeAnswers>>) {
  const out: Record<string, { top1Accuracy: number | null; top3Accuracy: number | null }> = {};
  for (const language of ['en', 'sv', 'no']) {
    const idx = items.map((it, i) => [it, i] as const).filter(([it]) => it.language === language);
    const a = accuracy(
      idx.map(([it]) => it),
      idx.map(([, i]) => proposals[i] as (typeof proposals)[number]),
    );
    out[language] = { top1Accuracy: a.top1Accuracy, top3Accuracy: a.top3Accuracy };
  }
  return out;
}

function readLabelled(file: string): Labelled[] {
  return labelledSchema.parse(JSON.parse(readFileSync(path.join(benchDir, file), 'utf8'))).items;
}

/** Questions per second over ROUNDS runs of the whole set, after one run that warms caches. */
async function speed(ctx: ServiceContext, docs: KnowledgeDoc[], questions: string[]) {
  const proposals = await proposeAnswers(ctx, questions, docs);
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) await proposeAnswers(ctx, questions, docs);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { proposals, questionsPerSecond: Math.round((questions.length * ROUNDS) / seconds) };
}

async function measure(ctx: ServiceContext, docs: KnowledgeDoc[], labelled: Labelled[]) {
  const { proposals, questionsPerSecond } = await speed(
    ctx,
    docs,
    labelled.map((l) => l.question),
  );
  return {
    questionsPerSecond,
    ...accuracy(labelled, proposals),
    byLanguage: perLanguage(labelled, proposals),
  };
}

/** Bootstraps the demo organisation with its programme on PGlite and measures the retrieval. */
export async function benchQuestionnaires() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-bench-questionnaires-'));
  const handle = await openPglite(path.join(dir, 'db'));
  try {
    await migrateToLatest(handle.db);
    const keyring = loadKeyring(path.join(dir, 'audit-key.pem'));
    const first = await bootstrapIfEmpty(handle.db, keyring, { demo: true, demoProgramme: true });
    if (!first) throw new Error('the benchmark needs an empty database');
    const ctx: ServiceContext = { db: handle.db, organizationId: first.organizationId, actor: systemActor };
    const docs = await loadKnowledgeBase(ctx);
    const tuning = await measure(ctx, docs, readLabelled('questionnaire-labelled.json'));
    const heldOut = await measure(ctx, docs, readLabelled('questionnaire-heldout.json'));
    let grown: { sources: number; questionsPerSecond: number } | undefined;
    if (SOURCES > docs.length) {
      await growKnowledgeBase(ctx, SOURCES - docs.length);
      const all = await loadKnowledgeBase(ctx);
      const questions = [
        ...readLabelled('questionnaire-labelled.json'),
        ...readLabelled('questionnaire-heldout.json'),
      ];
      const { questionsPerSecond } = await speed(
        ctx,
        all,
        questions.map((q) => q.question),
      );
      grown = { sources: all.length, questionsPerSecond };
    }
    return {
      database: 'pglite',
      knowledgeBase: {
        faq: docs.filter((d) => d.type === 'faq').length,
        controls: docs.filter((d) => d.type === 'control').length,
        policyExcerpts: docs.filter((d) => d.type === 'policy').length,
      },
      tuning,
      heldOut,
      grown,
    };
  } finally {
    await handle.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length };
  const result = { ...report, questionnaires: await benchQuestionnaires() };
  const resultsDir = path.join(packageRoot, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `questionnaires-${report.date.slice(0, 10)}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nWritten to ${file}\n`);
  process.exit(0);
}
