import type { FaqEntry, FaqEntryPatch } from '../../../contracts/trust-center.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { conflict, notFound } from '../../kernel/errors/app-error.js';
import { faqEntryQuery, needsReview } from './faq.repository.js';
import { claimGate, claimProblems } from './faq-claims.js';
import { presentFaqEntry } from './trust-center.presenter.js';

interface LockedEntry {
  question: string;
  published: boolean;
  last_edited_by: string | null;
}

/** Locks the entry's row for the rest of the transaction; a missing entry is a 404. */
export async function lockEntry(tx: ServiceContext, id: string): Promise<LockedEntry> {
  const row = await tx.db
    .selectFrom('faq_entries')
    .select(['question', 'published', 'last_edited_by'])
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(`FAQ entry ${id}`);
  return row;
}

export async function fourEyesOn(tx: ServiceContext): Promise<boolean> {
  const row = await tx.db
    .selectFrom('trust_center_settings')
    .select('faq_four_eyes')
    .where('organization_id', '=', tx.organizationId)
    .executeTakeFirst();
  return row?.faq_four_eyes ?? false;
}

/** With four-eyes publishing on, the person publishing must not be the answer's last editor. */
export async function assertMayPublish(tx: ServiceContext, lastEditor: string | null): Promise<void> {
  if (lastEditor !== null && lastEditor === tx.actor.userId && (await fourEyesOn(tx)))
    throw conflict(
      'Four-eyes publishing is on: you wrote this answer last, so someone else must publish it (it is saved as a draft)',
    );
}

const published = (userId: string | null) => ({
  published: true,
  published_by: userId,
  published_at: new Date(),
});
const draft = { published: false, published_by: null, published_at: null };

/**
 * What an edit does to the entry's publication: the editor becomes the last editor when the text changes;
 * publishing obeys four-eyes; under four-eyes a changed text of a published answer goes back to draft.
 */
export async function publicationChange(tx: ServiceContext, id: string, patch: FaqEntryPatch) {
  const before = await lockEntry(tx, id);
  const current = await faqEntryQuery(tx).where('e.id', '=', id).executeTakeFirstOrThrow();
  const textChanged =
    (patch.question !== undefined && patch.question !== current.question) ||
    (patch.answer !== undefined && patch.answer !== current.answer);
  const editor = textChanged ? { last_edited_by: tx.actor.userId } : {};
  const lastEditor = textChanged ? tx.actor.userId : before.last_edited_by;
  if (patch.published === false) return { ...editor, ...(before.published ? draft : {}) };
  if (patch.published === true && (!before.published || textChanged)) {
    await assertMayPublish(tx, lastEditor);
    return { ...editor, ...(before.published ? {} : published(tx.actor.userId)) };
  }
  if (before.published && textChanged && (await fourEyesOn(tx))) return { ...editor, ...draft };
  return editor;
}

export async function getEntryIn(tx: ServiceContext, id: string): Promise<FaqEntry> {
  return presentFaqEntry(
    await faqEntryQuery(tx).where('e.id', '=', id).executeTakeFirstOrThrow(),
    await claimGate(tx),
  );
}

/** Publishes a draft: from now on the public FAQ shows it (unless it is held for review). */
export function publishEntry(ctx: ServiceContext, id: string): Promise<FaqEntry> {
  return inTransaction(ctx, async (tx) => {
    const row = await lockEntry(tx, id);
    if (row.published) throw conflict('This answer is already published');
    await assertMayPublish(tx, row.last_edited_by);
    await tx.db
      .updateTable('faq_entries')
      .set({ ...published(tx.actor.userId), updated_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'faq-entry.published',
      { type: 'faq-entry', id },
      { question: row.question, fourEyes: await fourEyesOn(tx) },
    );
    return getEntryIn(tx, id);
  });
}

/**
 * A person vouches, with a reason, that the answer still holds despite the problem as it stands now; the
 * reason is kept with the entry and in the audit log. A new problem holds the answer again.
 */
export function confirmEntry(ctx: ServiceContext, id: string, note: string): Promise<FaqEntry> {
  return inTransaction(ctx, async (tx) => {
    await lockEntry(tx, id);
    const row = await faqEntryQuery(tx).where('e.id', '=', id).executeTakeFirstOrThrow();
    const claimReasons = claimProblems(row.claim_keys, await claimGate(tx));
    if (claimReasons.length > 0)
      throw conflict(
        `A failing claim cannot be confirmed away; change the records first: ${claimReasons.join('; ')}`,
      );
    if (!needsReview(row)) throw conflict('This answer is not waiting for review');
    await tx.db
      .updateTable('faq_entries')
      .set({
        confirmed_reason: row.review_reason,
        confirmed_note: note,
        confirmed_by: tx.actor.userId,
        confirmed_at: new Date(),
      })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'faq-entry.confirmed',
      { type: 'faq-entry', id },
      { question: row.question, reason: row.review_reason ?? '', note },
    );
    return getEntryIn(tx, id);
  });
}
