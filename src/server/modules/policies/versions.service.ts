import type { z } from 'zod';
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

function assertStatus(v: VersionRow, expected: VersionStatus, action: string): void {
  if (v.status !== expected) {
    throw conflict(
      `Version ${v.number} is ${verb[v.status]}; only ${verb[expected]} version can be ${action}`,
    );
  }
}

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

/** Only a draft's text changes; once submitted a version's body is fixed for good. */
export async function editDraft(
  ctx: ServiceContext,
  documentId: string,
  number: number,
  patch: DraftPatch,
): Promise<PolicyVersion> {
  return inTransaction(ctx, async (tx) => {
    const doc = await findDocument(tx, documentId, true);
    const version = await findVersion(tx, documentId, number);
    if (version.status !== 'draft') {
      throw conflict(
        `Version ${number} is ${verb[version.status]} and can no longer be edited; start a new draft to change the text`,
      );
    }
    await tx.db
      .updateTable('policy_versions')
      .set({ body: patch.body, change_summary: patch.changeSummary, updated_at: new Date() })
      .where('id', '=', version.id)
      .execute();
    await recordAuditEvent(
      tx,
      'policy.version-edited',
      { type: 'policy', id: documentId },
      { title: doc.title, number },
    );
    return getVersion(tx, documentId, number);
  });
}

export async function submitVersion(
  ctx: ServiceContext,
  documentId: string,
  number: number,
): Promise<PolicyDetail> {
  return inTransaction(ctx, async (tx) => {
    const doc = await findDocument(tx, documentId, true);
    const version = await findVersion(tx, documentId, number);
    assertStatus(version, 'draft', 'submitted for review');
    if (version.body.trim() === '') {
      throw new AppError(
        'VALIDATION_FAILED',
        `Version ${number} has no text; write the document before submitting it`,
      );
    }
    await tx.db
      .updateTable('policy_versions')
      .set({ status: 'in-review', submitted_at: new Date(), updated_at: new Date() })
      .where('id', '=', version.id)
      .execute();
    await recordAuditEvent(
      tx,
      'policy.version-submitted',
      { type: 'policy', id: documentId },
      { title: doc.title, number },
    );
    return getPolicy(tx, documentId);
  });
}

export async function returnVersion(
  ctx: ServiceContext,
  documentId: string,
  number: number,
  reason: string,
): Promise<PolicyDetail> {
  return inTransaction(ctx, async (tx) => {
    const doc = await findDocument(tx, documentId, true);
    const version = await findVersion(tx, documentId, number);
    assertStatus(version, 'in-review', 'returned to draft');
    await tx.db
      .updateTable('policy_versions')
      .set({ status: 'draft', submitted_at: null, updated_at: new Date() })
      .where('id', '=', version.id)
      .execute();
    await recordAuditEvent(
      tx,
      'policy.version-returned',
      { type: 'policy', id: documentId },
      { title: doc.title, number, reason },
    );
    return getPolicy(tx, documentId);
  });
}

export async function approveVersion(
  ctx: ServiceContext,
  documentId: string,
  number: number,
): Promise<PolicyDetail> {
  return inTransaction(ctx, async (tx) => {
    const doc = await findDocument(tx, documentId, true);
    const version = await findVersion(tx, documentId, number);
    assertStatus(version, 'in-review', 'approved');
    assertMayApprove(tx.actor, version);
    await tx.db
      .updateTable('policy_versions')
      .set({
        status: 'approved',
        approver_id: tx.actor.userId,
        approved_at: new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', version.id)
      .execute();
    await recordAuditEvent(
      tx,
      'policy.version-approved',
      { type: 'policy', id: documentId },
      { title: doc.title, number },
    );
    return getPolicy(tx, documentId);
  });
}

/** Publishing supersedes the published version and restarts the review cycle from today. */
export async function publishVersion(
  ctx: ServiceContext,
  documentId: string,
  number: number,
  now = new Date(),
): Promise<PolicyDetail> {
  return inTransaction(ctx, async (tx) => {
    const doc = await findDocument(tx, documentId, true);
    const version = await findVersion(tx, documentId, number);
    assertStatus(version, 'approved', 'published');
    const superseded = await tx.db
      .updateTable('policy_versions')
      .set({ status: 'superseded', updated_at: now })
      .where('document_id', '=', documentId)
      .where('status', '=', 'published')
      .returning('number')
      .executeTakeFirst();
    await tx.db
      .updateTable('policy_versions')
      .set({ status: 'published', published_at: now, published_by: tx.actor.userId, updated_at: now })
      .where('id', '=', version.id)
      .execute();
    const nextReview = addMonths(now, doc.review_interval_months);
    await tx.db
      .updateTable('policy_documents')
      .set({ next_review_at: nextReview, updated_at: now })
      .where('id', '=', documentId)
      .execute();
    await recordAuditEvent(
      tx,
      'policy.version-published',
      { type: 'policy', id: documentId },
      {
        title: doc.title,
        number,
        superseded: superseded ? Number(superseded.number) : null,
        nextReviewAt: isoDay(nextReview),
      },
    );
    return getPolicy(tx, documentId);
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
