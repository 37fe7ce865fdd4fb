import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { AuditData } from '../../../contracts/audit-actions.js';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import type {
  draftInputSchema,
  draftPatchSchema,
  PolicyDetail,
  PolicyDiff,
  PolicyVersion,
  PolicyVersionSummary,
  VersionStatus,
} from '../../../contracts/policies.js';
import { diffText } from '../../../formats/text-diff.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { AppError, conflict } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { assertMayApprove } from './policies.policy.js';
import { presentVersion, presentVersionSummary } from './policies.presenter.js';
import {
  findDocument,
  findVersion,
  OPEN_STATUSES,
  type VersionRow,
  versionQuery,
} from './policies.repository.js';
import { getPolicy } from './policies.service.js';
import { addMonths, isoDay } from './policy-dates.js';

type DraftInput = z.output<typeof draftInputSchema>;
type DraftPatch = z.output<typeof draftPatchSchema>;

const verb: Record<VersionStatus, string> = {
  draft: 'a draft',
  'in-review': 'in review',
  approved: 'approved',
  published: 'published',
  superseded: 'superseded',
};

export function listVersions(
  ctx: ServiceContext,
  documentId: string,
  query: PageQuery,
): Promise<Page<PolicyVersionSummary>> {
  return inTransaction(ctx, async (tx) => {
    await findDocument(tx, documentId);
    return paged(
      versionQuery(tx).where('v.document_id', '=', documentId),
      (q) => q.orderBy('v.number', 'desc'),
      query,
      presentVersionSummary,
    );
  });
}

export async function getVersion(
  ctx: ServiceContext,
  documentId: string,
  number: number,
): Promise<PolicyVersion> {
  return presentVersion(await findVersion(ctx, documentId, number));
}

/** A new draft starts from the published text (or the newest version) so editing means changing a copy. */
export async function createDraft(
  ctx: ServiceContext,
  documentId: string,
  input: DraftInput,
): Promise<PolicyDetail> {
  return inTransaction(ctx, async (tx) => {
    const doc = await findDocument(tx, documentId, true);
    const versions = await tx.db
      .selectFrom('policy_versions')
      .select(['number', 'status'])
      .where('document_id', '=', documentId)
      .orderBy('number', 'desc')
      .execute();
    const open = versions.find((v) => (OPEN_STATUSES as readonly string[]).includes(v.status));
    if (open) {
      throw conflict(
        `Version ${open.number} is still ${verb[open.status]}; only one version can be worked on at a time`,
      );
    }
    const number = Number(versions[0]?.number ?? 0) + 1;
    await tx.db
      .insertInto('policy_versions')
      .values({
        organization_id: tx.organizationId,
        document_id: documentId,
        number,
        body: input.body,
        change_summary: input.changeSummary,
        status: 'draft',
        author_id: tx.actor.userId,
      })
      .execute();
    await recordAuditEvent(
      tx,
      'policy.version-drafted',
      { type: 'policy', id: documentId },
      { title: doc.title, number },
    );
    return getPolicy(tx, documentId);
  });
}

type VersionAction =
  | 'policy.version-edited'
  | 'policy.version-submitted'
  | 'policy.version-returned'
  | 'policy.version-approved'
  | 'policy.version-published';
type DocumentRow = Awaited<ReturnType<typeof findDocument>>;
type VersionUpdate = Omit<Updateable<Database['policy_versions']>, 'status' | 'updated_at'>;

interface Transition<A extends VersionAction, R> {
  documentId: string;
  number: number;
  /** The status the version must have; anything else is a conflict. */
  from: VersionStatus;
  to: VersionStatus;
  /** How the refusal names the change, e.g. 'submitted for review'. */
  action: string;
  /** A refusal message that replaces the generic one. */
  refusal?: (version: VersionRow) => string;
  /** Further rules on the locked version, run after the status check. */
  check?: (version: VersionRow) => void;
  /** The other columns the change sets. */
  set?: VersionUpdate;
  event: A;
  /**
   * The audit event's details. Runs after the checks and before the version's update, so it may make the
   * change's other writes (publishing supersedes the published version first).
   */
  details: (tx: ServiceContext, doc: DocumentRow) => AuditData<A> | Promise<AuditData<A>>;
  /** What the change returns, read inside its transaction. */
  result: (tx: ServiceContext) => Promise<R>;
  now?: Date;
}

/** Every change of a version: lock the document, check the version's status, update it, audit — one transaction. */
function transitionVersion<A extends VersionAction, R>(ctx: ServiceContext, t: Transition<A, R>): Promise<R> {
  return inTransaction(ctx, async (tx) => {
    const doc = await findDocument(tx, t.documentId, true);
    const version = await findVersion(tx, t.documentId, t.number);
    if (version.status !== t.from) {
      throw conflict(
        t.refusal?.(version) ??
          `Version ${version.number} is ${verb[version.status]}; only ${verb[t.from]} version can be ${t.action}`,
      );
    }
    t.check?.(version);
    const details = await t.details(tx, doc);
    await tx.db
      .updateTable('policy_versions')
      .set({ ...t.set, status: t.to, updated_at: t.now ?? new Date() })
      .where('id', '=', version.id)
      .execute();
    await recordAuditEvent(tx, t.event, { type: 'policy', id: t.documentId }, details);
    return t.result(tx);
  });
}

/** Only a draft's text changes; once submitted a version's body is fixed for good. */
export function editDraft(
  ctx: ServiceContext,
  documentId: string,
  number: number,
  patch: DraftPatch,
): Promise<PolicyVersion> {
  return transitionVersion(ctx, {
    documentId,
    number,
    from: 'draft',
    to: 'draft',
    action: 'edited',
    refusal: (version) =>
      `Version ${number} is ${verb[version.status]} and can no longer be edited; start a new draft to change the text`,
    set: { body: patch.body, change_summary: patch.changeSummary },
    event: 'policy.version-edited',
    details: (_tx, doc) => ({ title: doc.title, number }),
    result: (tx) => getVersion(tx, documentId, number),
  });
}

export function submitVersion(
  ctx: ServiceContext,
  documentId: string,
  number: number,
): Promise<PolicyDetail> {
  return transitionVersion(ctx, {
    documentId,
    number,
    from: 'draft',
    to: 'in-review',
    action: 'submitted for review',
    check: (version) => {
      if (version.body.trim() === '') {
        throw new AppError(
          'VALIDATION_FAILED',
          `Version ${number} has no text; write the document before submitting it`,
        );
      }
    },
    set: { submitted_at: new Date() },
    event: 'policy.version-submitted',
    details: (_tx, doc) => ({ title: doc.title, number }),
    result: (tx) => getPolicy(tx, documentId),
  });
}

export function returnVersion(
  ctx: ServiceContext,
  documentId: string,
  number: number,
  reason: string,
): Promise<PolicyDetail> {
  return transitionVersion(ctx, {
    documentId,
    number,
    from: 'in-review',
    to: 'draft',
    action: 'returned to draft',
    set: { submitted_at: null },
    event: 'policy.version-returned',
    details: (_tx, doc) => ({ title: doc.title, number, reason }),
    result: (tx) => getPolicy(tx, documentId),
  });
}

export function approveVersion(
  ctx: ServiceContext,
  documentId: string,
  number: number,
): Promise<PolicyDetail> {
  return transitionVersion(ctx, {
    documentId,
    number,
    from: 'in-review',
    to: 'approved',
    action: 'approved',
    check: (version) => assertMayApprove(ctx.actor, version),
    set: { approver_id: ctx.actor.userId, approved_at: new Date() },
    event: 'policy.version-approved',
    details: (_tx, doc) => ({ title: doc.title, number }),
    result: (tx) => getPolicy(tx, documentId),
  });
}

/** Publishing supersedes the published version and restarts the review cycle from today. */
export function publishVersion(
  ctx: ServiceContext,
  documentId: string,
  number: number,
  now = new Date(),
): Promise<PolicyDetail> {
  return transitionVersion(ctx, {
    documentId,
    number,
    from: 'approved',
    to: 'published',
    action: 'published',
    set: { published_at: now, published_by: ctx.actor.userId },
    now,
    event: 'policy.version-published',
    details: async (tx, doc) => {
      const superseded = await tx.db
        .updateTable('policy_versions')
        .set({ status: 'superseded', updated_at: now })
        .where('document_id', '=', documentId)
        .where('status', '=', 'published')
        .returning('number')
        .executeTakeFirst();
      const nextReview = addMonths(now, doc.review_interval_months);
      await tx.db
        .updateTable('policy_documents')
        .set({ next_review_at: nextReview, updated_at: now })
        .where('id', '=', documentId)
        .execute();
      return {
        title: doc.title,
        number,
        superseded: superseded ? Number(superseded.number) : null,
        nextReviewAt: isoDay(nextReview),
      };
    },
    result: (tx) => getPolicy(tx, documentId),
  });
}

export async function diffVersions(
  ctx: ServiceContext,
  documentId: string,
  from: number,
  to: number,
): Promise<PolicyDiff> {
  const [a, b] = await Promise.all([findVersion(ctx, documentId, from), findVersion(ctx, documentId, to)]);
  return { from, to, ...diffText(a.body, b.body) };
}
