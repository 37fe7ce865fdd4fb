import { sql } from 'kysely';
import type { z } from 'zod';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import type {
  FaqEntry,
  FaqEntryPatch,
  faqEntryInputSchema,
  faqEntryListQuerySchema,
  faqSectionInputSchema,
} from '../../../contracts/trust-center.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { entryOrder, faqEntryQuery, needsReviewSql } from './faq.repository.js';
import { claimGate, entriesHeldByClaims } from './faq-claims.js';
import { assertMayPublish, publicationChange } from './faq-publication.service.js';
import { presentFaqEntry } from './trust-center.presenter.js';

type SectionInput = z.output<typeof faqSectionInputSchema>;
type EntryInput = z.output<typeof faqEntryInputSchema>;
type EntryListQuery = z.output<typeof faqEntryListQuerySchema>;

export function listSections(ctx: ServiceContext, query: PageQuery & { language?: string | undefined }) {
  let q = ctx.db
    .selectFrom('faq_sections')
    .select(['id', 'title', 'language', 'position'])
    .where('organization_id', '=', ctx.organizationId);
  if (query.language) q = q.where('language', '=', query.language);
  return paged(
    q,
    (x) => x.orderBy('language').orderBy('position').orderBy('title'),
    query,
    (r) => r,
  );
}

export function createSection(ctx: ServiceContext, input: SectionInput) {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('faq_sections')
      .values({ organization_id: tx.organizationId, ...input })
      .returning(['id', 'title', 'language', 'position'])
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw conflict(`A section "${input.title}" already exists in ${input.language}`);
        throw error;
      });
    await recordAuditEvent(
      tx,
      'faq-section.created',
      { type: 'faq-section', id: row.id },
      {
        title: row.title,
        language: row.language,
      },
    );
    return row;
  });
}

export async function deleteSection(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .deleteFrom('faq_sections')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .returning(['title', 'language'])
      .executeTakeFirst();
    if (!row) throw notFound(`FAQ section ${id}`);
    await recordAuditEvent(tx, 'faq-section.deleted', { type: 'faq-section', id }, row);
  });
}

export async function listEntries(ctx: ServiceContext, query: EntryListQuery): Promise<Page<FaqEntry>> {
  const gate = await claimGate(ctx);
  const held = await entriesHeldByClaims(ctx, gate);
  const heldSql = held.length
    ? sql<boolean>`(${needsReviewSql} OR e.id IN (${sql.join(held)}))`
    : needsReviewSql;
  let q = faqEntryQuery(ctx);
  if (query.language) q = q.where('s.language', '=', query.language);
  if (query.needsReview === 'true') q = q.where(heldSql);
  if (query.needsReview === 'false') q = q.where(sql<boolean>`NOT ${heldSql}`);
  return paged(q, entryOrder, query, (row) => presentFaqEntry(row, gate));
}

export async function getEntry(ctx: ServiceContext, id: string): Promise<FaqEntry> {
  const row = await faqEntryQuery(ctx).where('e.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`FAQ entry ${id}`);
  return presentFaqEntry(row, await claimGate(ctx));
}

async function assertSection(ctx: ServiceContext, sectionId: string): Promise<{ title: string }> {
  const section = await ctx.db
    .selectFrom('faq_sections')
    .select('title')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', sectionId)
    .executeTakeFirst();
  if (!section) throw new AppError('VALIDATION_FAILED', `FAQ section ${sectionId} does not exist`);
  return section;
}

async function replaceLinks(ctx: ServiceContext, entryId: string, patch: FaqEntryPatch): Promise<void> {
  const org = ctx.organizationId;
  if (patch.controlIds) {
    const ids = [...new Set(patch.controlIds)];
    const found = ids.length
      ? await ctx.db
          .selectFrom('controls')
          .select('id')
          .where('organization_id', '=', org)
          .where('id', 'in', ids)
          .execute()
      : [];
    if (found.length !== ids.length)
      throw new AppError('VALIDATION_FAILED', 'A linked control does not exist');
    await ctx.db.deleteFrom('faq_entry_controls').where('entry_id', '=', entryId).execute();
    if (ids.length)
      await ctx.db
        .insertInto('faq_entry_controls')
        .values(ids.map((control_id) => ({ organization_id: org, entry_id: entryId, control_id })))
        .execute();
  }
  if (patch.claimKeys) {
    const keys = [...new Set(patch.claimKeys)];
    await ctx.db.deleteFrom('faq_entry_claims').where('entry_id', '=', entryId).execute();
    if (keys.length)
      await ctx.db
        .insertInto('faq_entry_claims')
        .values(keys.map((claim_key) => ({ organization_id: org, entry_id: entryId, claim_key })))
        .execute();
  }
  if (patch.evidenceIds) {
    const ids = [...new Set(patch.evidenceIds)];
    const found = ids.length
      ? await ctx.db
          .selectFrom('evidence')
          .select('id')
          .where('organization_id', '=', org)
          .where('id', 'in', ids)
          .execute()
      : [];
    if (found.length !== ids.length)
      throw new AppError('VALIDATION_FAILED', 'A linked evidence item does not exist');
    await ctx.db.deleteFrom('faq_entry_evidence').where('entry_id', '=', entryId).execute();
    if (ids.length)
      await ctx.db
        .insertInto('faq_entry_evidence')
        .values(ids.map((evidence_id) => ({ organization_id: org, entry_id: entryId, evidence_id })))
        .execute();
  }
}

const duplicateQuestion = (question: string) =>
  conflict(`The section already has the question "${question}"`);

export function createEntry(ctx: ServiceContext, input: EntryInput): Promise<FaqEntry> {
  return inTransaction(ctx, async (tx) => {
    const section = await assertSection(tx, input.sectionId);
    const { controlIds, evidenceIds, claimKeys, sectionId, ...fields } = input;
    if (fields.published) await assertMayPublish(tx, tx.actor.userId);
    const now = new Date();
    const row = await tx.db
      .insertInto('faq_entries')
      .values({
        organization_id: tx.organizationId,
        section_id: sectionId,
        ...fields,
        last_edited_by: tx.actor.userId,
        ...(fields.published ? { published_by: tx.actor.userId, published_at: now } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateQuestion(input.question);
        throw error;
      });
    await replaceLinks(tx, row.id, { controlIds, evidenceIds, claimKeys });
    await recordAuditEvent(
      tx,
      'faq-entry.created',
      { type: 'faq-entry', id: row.id },
      { question: input.question, section: section.title, published: input.published },
    );
    return getEntry(tx, row.id);
  });
}

export function updateEntry(ctx: ServiceContext, id: string, patch: FaqEntryPatch): Promise<FaqEntry> {
  return inTransaction(ctx, async (tx) => {
    const publication = await publicationChange(tx, id, patch);
    const before = await getEntry(tx, id);
    if (patch.sectionId) await assertSection(tx, patch.sectionId);
    const { controlIds, evidenceIds, claimKeys, sectionId, ...fields } = patch;
    await tx.db
      .updateTable('faq_entries')
      .set({
        ...fields,
        ...publication,
        ...(sectionId ? { section_id: sectionId } : {}),
        updated_at: new Date(),
      })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateQuestion(patch.question ?? before.question);
        throw error;
      });
    await replaceLinks(tx, id, { controlIds, evidenceIds, claimKeys });
    const after = await getEntry(tx, id);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['question', 'answer', 'position', 'published', 'sectionId'] as const) {
      if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
    }
    if (controlIds)
      changes.controls = { from: before.controls.map((c) => c.ref), to: after.controls.map((c) => c.ref) };
    if (claimKeys) changes.claims = { from: before.claimKeys, to: after.claimKeys };
    if (evidenceIds)
      changes.evidence = { from: before.evidence.map((e) => e.id), to: after.evidence.map((e) => e.id) };
    await recordAuditEvent(
      tx,
      'faq-entry.updated',
      { type: 'faq-entry', id },
      { question: after.question, changes },
    );
    return after;
  });
}

export async function deleteEntry(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .deleteFrom('faq_entries')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .returning('question')
      .executeTakeFirst();
    if (!row) throw notFound(`FAQ entry ${id}`);
    await recordAuditEvent(tx, 'faq-entry.deleted', { type: 'faq-entry', id }, row);
  });
}
