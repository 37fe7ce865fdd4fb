// How often the questionnaire retrieval proposes the right source, and how often it keeps quiet when the knowledge
// base holds no answer: the figures of bench/questionnaires.ts, per labelled set and per language.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { KnowledgeDoc, Proposal } from '../src/server/modules/questionnaires/index.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

const labelledSchema = z.object({
  description: z.string(),
  items: z.array(
    z.object({
      language: z.enum(['en', 'sv', 'no', 'nb']),
      question: z.string().min(1),
      expected: z.array(z.string().regex(/^(faq|control|policy):.+/)),
    }),
  ),
});
export type Labelled = z.infer<typeof labelledSchema>['items'][number];

export function readLabelled(file: string): Labelled[] {
  return labelledSchema.parse(JSON.parse(readFileSync(path.join(benchDir, file), 'utf8'))).items;
}

/** The label of a source: `faq:<question>`, `control:<ref>` or `policy:<title>: <heading>`, stable across databases. */
export function labelOf(doc: Pick<KnowledgeDoc, 'type' | 'title' | 'ref'> | undefined): string {
  if (!doc) return '';
  return doc.type === 'control' ? `control:${doc.ref}` : `${doc.type}:${doc.title}`;
}

/** A policy label names the document, so any excerpt of it counts. */
const hit = (labels: string[], expected: string[]) =>
  labels.some((l) => expected.some((e) => l === e || (e.startsWith('policy:') && l.startsWith(`${e}:`))));

/**
 * The labels of `item` that name a source of `docs`: a question none of whose sources is in the knowledge base
 * counts as one it cannot answer.
 */
function expectedIn(item: Labelled, labels: readonly string[]): string[] {
  return item.expected.filter((e) => labels.some((l) => hit([l], [e])));
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

export function accuracy(items: Labelled[], proposals: Proposal[], docs: KnowledgeDoc[]) {
  const labels = docs.map(labelOf);
  const all = items.map((item, i) => ({ item, p: proposals[i], expected: expectedIn(item, labels) }));
  const answerable = all.filter((x) => x.expected.length > 0);
  const unanswerable = all.filter((x) => x.expected.length === 0);
  const first = (p: Proposal | undefined) => (p?.answer ? labelOf(p.sources[0]) : '');
  const top1 = answerable.filter(({ p, expected }) => hit([first(p)], expected));
  const top3 = answerable.filter(({ p, expected }) => hit((p?.sources ?? []).map(labelOf), expected));
  const falseProposals = all.filter(({ p, expected }) => p?.answer && !hit([first(p)], expected));
  return {
    questions: items.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    top1Accuracy: ratio(top1.length, answerable.length),
    top3Accuracy: ratio(top3.length, answerable.length),
    coverage: ratio(answerable.filter(({ p }) => p?.answer).length, answerable.length),
    abstentionAccuracy: ratio(unanswerable.filter(({ p }) => !p?.answer).length, unanswerable.length),
    /** Proposals whose first source is not one the question's labels name (wrong answers a person must catch). */
    falseProposals: falseProposals.length,
    misses: answerable
      .filter(({ p, expected }) => !hit([first(p)], expected))
      .map(({ item, p }) => ({ question: item.question, got: labelOf(p?.sources[0]), score: p?.score ?? 0 })),
    unanswerableProposed: unanswerable
      .filter(({ p }) => p?.answer)
      .map(({ item, p }) => ({ question: item.question, got: labelOf(p?.sources[0]), score: p?.score ?? 0 })),
  };
}

/** Top-1, top-3 and abstention per language (`no` and `nb` both count as Norwegian bokmål). */
export function perLanguage(items: Labelled[], proposals: Proposal[], docs: KnowledgeDoc[]) {
  const out: Record<
    string,
    Pick<ReturnType<typeof accuracy>, 'top1Accuracy' | 'top3Accuracy' | 'abstentionAccuracy'>
  > = {};
  for (const language of ['en', 'sv', 'nb']) {
    const idx = items
      .map((it, i) => [it, i] as const)
      .filter(([it]) => (it.language === 'no' ? 'nb' : it.language) === language);
    const a = accuracy(
      idx.map(([it]) => it),
      idx.map(([, i]) => proposals[i] as Proposal),
      docs,
    );
    out[language] = {
      top1Accuracy: a.top1Accuracy,
      top3Accuracy: a.top3Accuracy,
      abstentionAccuracy: a.abstentionAccuracy,
    };
  }
  return out;
}
