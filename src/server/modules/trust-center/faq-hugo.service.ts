import { sql } from 'kysely';
import type {
  FaqImportPreview,
  FaqImportReport,
  faqDuplicateChoices,
} from '../../../contracts/trust-center.js';
import { renderHugoFaq } from '../../../formats/hugo-export.js';
import { type HugoFaqPage, HugoFormatError, parseHugoFaq } from '../../../formats/hugo-faq.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { entryOrder, faqEntryQuery, needsReviewSql } from './faq.repository.js';
import { claimGate, claimProblems } from './faq-claims.js';
import { findNearDuplicates } from './faq-duplicates.js';
import { assertMayPublish, fourEyesOn } from './faq-publication.service.js';

type FaqDuplicateChoice = (typeof faqDuplicateChoices)[number];

/** What an import would do to near-duplicates, before anything is written. */
export async function previewHugoImport(ctx: ServiceContext, file: Buffer): Promise<FaqImportPreview> {
  const page = parse(file);
  return {
    language: page.language,
    questions: page.sections.reduce((n, s) => n + s.entries.length, 0),
    duplicates: await findNearDuplicates(ctx, page),
  };
}

import { getSettings } from './settings.service.js';

function parse(file: Buffer): HugoFaqPage {
  try {
    return parseHugoFaq(file);
  } catch (error) {
    if (error instanceof HugoFormatError) throw new AppError('VALIDATION_FAILED', error.message);
    throw error;
  }
}

async function upsertSection(ctx: ServiceContext, language: string, title: string, position: number) {
  const existing = await ctx.db
    .selectFrom('faq_sections')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('language', '=', language)
    .where('title', '=', title)
    .executeTakeFirst();
  if (existing) {
    await ctx.db.updateTable('faq_sections').set({ position }).where('id', '=', existing.id).execute();
    return { id: existing.id, created: false };
  }
  const row = await ctx.db
    .insertInto('faq_sections')
    .values({ organization_id: ctx.organizationId, language, title, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

/** Matches sections by title and questions by text, so importing the same page again updates instead of adding. */
export function importHugoFaq(
  ctx: ServiceContext,
  file: Buffer,
  {
    publish = false,
    duplicates: choices = {},
  }: { publish?: boolean; duplicates?: Record<string, FaqDuplicateChoice> } = {},
): Promise<FaqImportReport> {
  const page = parse(file);
  return inTransaction(ctx, async (tx) => {
    if (publish) await assertMayPublish(tx, tx.actor.userId);
    const fourEyes = await fourEyesOn(tx);
    const editor = tx.actor.userId;
    const near = new Map((await findNearDuplicates(tx, page)).map((d) => [d.question, d]));
    const report: FaqImportReport = {
      language: page.language,
      sectionsCreated: 0,
      sectionsUpdated: 0,
      questionsCreated: 0,
      questionsUpdated: 0,
      duplicatesSkipped: 0,
      duplicatesReplaced: 0,
      skipped: page.skipped,
    };
    for (const [sectionIndex, section] of page.sections.entries()) {
      const { id: sectionId, created } = await upsertSection(tx, page.language, section.title, sectionIndex);
      if (created) report.sectionsCreated++;
      else report.sectionsUpdated++;
      for (const [position, entry] of section.entries.entries()) {
        const duplicate = near.get(entry.question);
        const choice = duplicate ? (choices[entry.question] ?? 'keep') : 'keep';
        if (duplicate && choice === 'skip') {
          report.duplicatesSkipped++;
          continue;
        }
        if (duplicate && choice === 'replace') {
          await tx.db
            .updateTable('faq_entries')
            .set({
              answer: entry.answer,
              last_edited_by: editor,
              ...(fourEyes && !publish ? { published: false, published_by: null, published_at: null } : {}),
              updated_at: sql`now()`,
            })
            .where('organization_id', '=', tx.organizationId)
            .where('id', '=', duplicate.existingId)
            .execute();
          report.duplicatesReplaced++;
          continue;
        }
        const updated = await tx.db
          .updateTable('faq_entries')
          .set({
            answer: entry.answer,
            position,
            last_edited_by: editor,
            // Under four-eyes publishing, a changed answer goes back to draft unless this import publishes.
            ...(fourEyes && !publish ? { published: false, published_by: null, published_at: null } : {}),
            updated_at: sql`now()`,
          })
          .where('organization_id', '=', tx.organizationId)
          .where('section_id', '=', sectionId)
          .where('question', '=', entry.question)
          .where((eb) => eb.or([eb('answer', '<>', entry.answer), eb('position', '<>', position)]))
          .returning('id')
          .executeTakeFirst();
        if (updated) {
          report.questionsUpdated++;
          continue;
        }
        const inserted = await tx.db
          .insertInto('faq_entries')
          .values({
            organization_id: tx.organizationId,
            section_id: sectionId,
            position,
            ...entry,
            last_edited_by: editor,
            published: publish,
            ...(publish ? { published_by: editor, published_at: new Date() } : {}),
          })
          .onConflict((oc) => oc.columns(['section_id', 'question']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (inserted) report.questionsCreated++;
      }
    }
    await tx.db
      .insertInto('faq_hugo_pages')
      .values({
        organization_id: tx.organizationId,
        language: page.language,
        front_matter: page.frontMatterText,
        preamble: page.preamble,
        epilogue: page.epilogue,
      })
      .onConflict((oc) =>
        oc.columns(['organization_id', 'language']).doUpdateSet({
          front_matter: page.frontMatterText,
          preamble: page.preamble,
          epilogue: page.epilogue,
          updated_at: new Date(),
        }),
      )
      .execute();
    await recordAuditEvent(
      tx,
      'faq.imported',
      { type: 'faq', id: null },
      {
        language: report.language,
        sectionsCreated: report.sectionsCreated,
        questionsCreated: report.questionsCreated,
        questionsUpdated: report.questionsUpdated,
        duplicatesSkipped: report.duplicatesSkipped,
        duplicatesReplaced: report.duplicatesReplaced,
        skipped: report.skipped.length,
      },
    );
    return report;
  });
}

/**
 * What the public may read: published entries whose controls and evidence hold or were confirmed, and whose
 * claims hold now.
 */
export async function publicEntries(ctx: ServiceContext, language?: string) {
  let q = faqEntryQuery(ctx).where('e.published', '=', true).where(sql<boolean>`NOT ${needsReviewSql}`);
  if (language) q = q.where('s.language', '=', language);
  const [rows, gate] = await Promise.all([entryOrder(q).limit(2000).execute(), claimGate(ctx)]);
  return rows.filter((r) => claimProblems(r.claim_keys, gate).length === 0);
}

type PublicEntry = Awaited<ReturnType<typeof publicEntries>>[number];

export function groupBySection(rows: PublicEntry[]) {
  const sections: { title: string; entries: PublicEntry[] }[] = [];
  for (const row of rows) {
    const last = sections.at(-1);
    if (last && last.title === row.section_title) last.entries.push(row);
    else sections.push({ title: row.section_title, entries: [row] });
  }
  return sections;
}

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
const latest = (dates: (Date | string)[]) => dates.map(day).sort().at(-1) ?? '1970-01-01';

export async function exportHugoFaq(ctx: ServiceContext, language: string): Promise<string> {
  const [rows, settings, page] = await Promise.all([
    publicEntries(ctx, language),
    getSettings(ctx),
    ctx.db
      .selectFrom('faq_hugo_pages')
      .select(['front_matter', 'preamble', 'epilogue'])
      .where('organization_id', '=', ctx.organizationId)
      .where('language', '=', language)
      .executeTakeFirst(),
  ]);
  if (rows.length === 0) throw notFound(`A published FAQ in the language ${language}`);
  return renderHugoFaq({
    page: page && { frontMatterText: page.front_matter, preamble: page.preamble, epilogue: page.epilogue },
    language,
    title: settings.title,
    date: latest(rows.map((r) => r.updated_at)),
    slug: 'faq',
    sections: groupBySection(rows).map((s) => ({
      title: s.title,
      entries: s.entries.map((e) => ({ question: e.question, answer: e.answer })),
    })),
  });
}
