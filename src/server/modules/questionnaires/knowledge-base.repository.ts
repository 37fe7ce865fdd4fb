import { sql } from 'kysely';
import type { SourceAudience, SourceType } from '../../../contracts/questionnaires.js';
import { policyExcerpts } from '../../../formats/policy-excerpts.js';
import type { ServiceContext } from '../../kernel/context.js';
import { evidenceState, isFailing } from '../controls/index.js';
import { entriesHeldByClaims, needsReviewSql } from '../trust-center/index.js';
import { type TextSearchConfig, textSearchConfig } from './retrieval-score.js';

/** One piece of approved content an answer may be taken from, word for word. */
export interface KnowledgeDoc {
  type: SourceType;
  id: string;
  ref: string | null;
  /** What trigram similarity compares the question with: the FAQ question, control or policy heading. */
  title: string;
  /** The text proposed as the answer. */
  answer: string;
  config: TextSearchConfig;
  weight: number;
  /** Who may read it: internal sources are proposed only when the questionnaire opts in. */
  audience: SourceAudience;
}

/** Published FAQ answers that are not held back for review: what the public trust center shows. */
async function faqDocs(ctx: ServiceContext): Promise<KnowledgeDoc[]> {
  const held = new Set(await entriesHeldByClaims(ctx));
  const all = await ctx.db
    .selectFrom('faq_entries as e')
    .innerJoin('faq_sections as s', 's.id', 'e.section_id')
    .select(['e.id', 'e.question', 'e.answer', 's.language'])
    .where('e.organization_id', '=', ctx.organizationId)
    .where('e.published', '=', true)
    .where(sql<boolean>`NOT ${needsReviewSql}`)
    .orderBy('e.id')
    .execute();
  const rows = all.filter((r) => !held.has(r.id));
  return rows.map((r) => ({
    type: 'faq',
    id: r.id,
    ref: null,
    title: r.question,
    answer: r.answer,
    config: textSearchConfig(r.language),
    weight: 1,
    audience: 'public',
  }));
}

/**
 * Controls with an implementation statement; implemented ones rank ahead of those still in progress. A control
 * whose check fails or whose evidence has gone stale is never cited as support.
 */
async function controlDocs(ctx: ServiceContext): Promise<KnowledgeDoc[]> {
  const rows = await ctx.db
    .selectFrom('controls')
    .select(['id', 'ref', 'title', 'implementation', 'status'])
    .where('organization_id', '=', ctx.organizationId)
    .where(sql<boolean>`btrim(implementation) <> ''`)
    .where(sql<boolean>`NOT ${isFailing('controls')}`)
    .where(sql<boolean>`${evidenceState('controls')} <> 'stale'`)
    .orderBy('ref')
    .execute();
  return rows.map((r) => ({
    type: 'control',
    id: r.id,
    ref: r.ref,
    title: r.title,
    answer: r.implementation.trim(),
    config: 'english',
    weight: r.status === 'implemented' ? 0.95 : 0.8,
    // Implementation statements are what customers see under NDA (the trust center's controls page shows
    // titles and states, not these texts).
    audience: 'customers',
  }));
}

const audienceOfClassification: Record<string, SourceAudience> = {
  internal: 'internal',
  'customer-on-request': 'customers',
  public: 'public',
};

const classificationNotes: Record<string, string> = {
  internal: 'internal document',
  'customer-on-request': 'customers on request',
  public: 'public',
};

/**
 * Paragraphs of published policy versions, under their headings. The reference names the document's
 * classification, so whoever approves an answer sees when it quotes an internal document.
 */
async function policyDocs(ctx: ServiceContext): Promise<KnowledgeDoc[]> {
  const rows = await ctx.db
    .selectFrom('policy_versions as v')
    .innerJoin('policy_documents as d', 'd.id', 'v.document_id')
    .select(['v.id', 'v.number', 'v.body', 'd.title', 'd.classification'])
    .where('v.organization_id', '=', ctx.organizationId)
    .where('v.status', '=', 'published')
    .orderBy('d.title')
    .execute();
  return rows.flatMap((r) =>
    policyExcerpts(r.body, r.title).map((excerpt, index) => ({
      type: 'policy' as const,
      id: `${r.id}#${index + 1}`,
      ref: `${r.title} v${r.number} (${classificationNotes[r.classification] ?? r.classification})`,
      title: `${r.title}: ${excerpt.heading}`,
      answer: excerpt.text,
      config: 'english' as const,
      weight: 0.9,
      audience: audienceOfClassification[r.classification] ?? 'internal',
    })),
  );
}

/** The organisation's approved content, and nothing of any other organisation. */
export async function loadKnowledgeBase(ctx: ServiceContext): Promise<KnowledgeDoc[]> {
  const [faq, controls, policies] = await Promise.all([faqDocs(ctx), controlDocs(ctx), policyDocs(ctx)]);
  return [...faq, ...controls, ...policies];
}
