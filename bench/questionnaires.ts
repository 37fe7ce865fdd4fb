// Questionnaire answering: how many questions per second the retrieval answers, and how often it picks the
// right source, on the demo organisation's knowledge base: the labelled set the synonym list and thresholds were
// tuned on (questionnaire-labelled.json) and the first held-out set (questionnaire-heldout.json); then the frozen
// held-out set of issue 15 (questionnaire-heldout-v2.json) with the provider FAQ (questionnaire-faq.json) added,
// against (a) the FAQ alone and (b) the mixed base of FAQ, control statements and policy excerpts; then the
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
import { addProviderFaq, growKnowledgeBase } from './knowledge-data.js';
import { accuracy, type Labelled, perLanguage, readLabelled } from './questionnaire-accuracy.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_QUESTIONNAIRE_ROUNDS ?? 5);
const SOURCES = Number(process.env.BENCH_QUESTIONNAIRE_SOURCES ?? 5_000);

const providerFaqSchema = z.object({
  description: z.string(),
  sections: z.array(
    z.object({
      language: z.enum(['en', 'sv', 'nb']),
      entries: z.array(z.object({ question: z.string().min(1), answer: z.string().min(1) })),
    }),
  ),
});

function providerFaq() {
  return providerFaqSchema.parse(
    JSON.parse(readFileSync(path.join(benchDir, 'questionnaire-faq.json'), 'utf8')),
  ).sections;
}

/**
 * Questions per second over ROUNDS runs of the whole set, after one run that warms caches (stemmed terms, the
 * word index, concept matches); the first run's rate, which builds them, is reported beside it.
 */
async function speed(ctx: ServiceContext, docs: KnowledgeDoc[], questions: string[]) {
  const cold = process.hrtime.bigint();
  const proposals = await proposeAnswers(ctx, questions, docs);
  const coldSeconds = Number(process.hrtime.bigint() - cold) / 1e9;
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) await proposeAnswers(ctx, questions, docs);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    proposals,
    questionsPerSecond: Math.round((questions.length * ROUNDS) / seconds),
    firstRunQuestionsPerSecond: Math.round(questions.length / coldSeconds),
  };
}

async function measure(ctx: ServiceContext, docs: KnowledgeDoc[], labelled: Labelled[]) {
  const { proposals, questionsPerSecond, firstRunQuestionsPerSecond } = await speed(
    ctx,
    docs,
    labelled.map((l) => l.question),
  );
  return {
    questionsPerSecond,
    firstRunQuestionsPerSecond,
    ...accuracy(labelled, proposals, docs),
    byLanguage: perLanguage(labelled, proposals, docs),
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
    await addProviderFaq(ctx, providerFaq());
    const withFaq = await loadKnowledgeBase(ctx);
    const frozen = readLabelled('questionnaire-heldout-v2.json');
    const heldOutFaqOnly = await measure(
      ctx,
      withFaq.filter((d) => d.type === 'faq'),
      frozen,
    );
    const heldOutMixed = await measure(ctx, withFaq, frozen);
    let grown:
      | { sources: number; questionsPerSecond: number; firstRunQuestionsPerSecond: number }
      | undefined;
    if (SOURCES > docs.length) {
      await growKnowledgeBase(ctx, SOURCES - docs.length);
      const all = await loadKnowledgeBase(ctx);
      const questions = [
        ...readLabelled('questionnaire-labelled.json'),
        ...readLabelled('questionnaire-heldout.json'),
        ...frozen,
      ];
      const { questionsPerSecond, firstRunQuestionsPerSecond } = await speed(
        ctx,
        all,
        questions.map((q) => q.question),
      );
      grown = { sources: all.length, questionsPerSecond, firstRunQuestionsPerSecond };
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
      heldOutV2: {
        knowledgeBase: {
          faq: withFaq.filter((d) => d.type === 'faq').length,
          controls: withFaq.filter((d) => d.type === 'control').length,
          policyExcerpts: withFaq.filter((d) => d.type === 'policy').length,
        },
        faqOnly: heldOutFaqOnly,
        mixed: heldOutMixed,
      },
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
