import type { z } from 'zod';
import type { Page } from '../../../contracts/paging.js';
import type {
  PolicyDetail,
  PolicyListQuery,
  PolicySummary,
  policyInputSchema,
  policyPatchSchema,
} from '../../../contracts/policies.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { changesBetween } from '../../kernel/audit/changes.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { presentPolicySummary, presentVersion } from './policies.presenter.js';
import {
  filteredPolicies,
  findDocument,
  OPEN_STATUSES,
  policyListQuery,
  versionQuery,
} from './policies.repository.js';
import { addMonths } from './policy-dates.js';

type PolicyInput = z.output<typeof policyInputSchema>;
type PolicyPatch = z.output<typeof policyPatchSchema>;

/** The owner must be an active person of the organisation. */
export async function assertActiveUser(ctx: ServiceContext, userId: string, field: string): Promise<void> {
  const user = await ctx.db
    .selectFrom('users')
    .select('status')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.status !== 'active') {
    throw new AppError(
      'VALIDATION_FAILED',
      `Unknown owner: ${field} must be an active person of this organisation`,
      [{ path: field, message: user ? `User ${userId} is ${user.status}` : `No user ${userId}` }],
    );
  }
}

export function listPolicies(ctx: ServiceContext, query: PolicyListQuery): Promise<Page<PolicySummary>> {
  return paged(
    filteredPolicies(ctx, query),
    (q) => q.orderBy('d.title').orderBy('d.id'),
    query,
    presentPolicySummary,
  );
}

/** When the acting person accepted the document's published version (tokens act for their person). */
async function myAcknowledgement(ctx: ServiceContext, documentId: string) {
  const userId = ctx.actor.userId;
  if (userId === null) return undefined;
  return ctx.db
    .selectFrom('policy_acknowledgements as a')
    .innerJoin('policy_versions as v', 'v.id', 'a.version_id')
    .select('a.acknowledged_at')
    .where('a.organization_id', '=', ctx.organizationId)
    .where('v.document_id', '=', documentId)
    .where('v.status', '=', 'published')
    .where('a.user_id', '=', userId)
    .executeTakeFirst();
}

export async function getPolicy(ctx: ServiceContext, id: string): Promise<PolicyDetail> {
  const [row, versions, ack] = await Promise.all([
    policyListQuery(ctx).where('d.id', '=', id).executeTakeFirst(),
    versionQuery(ctx)
      .where('v.document_id', '=', id)
      .where('v.status', 'in', [...OPEN_STATUSES, 'published'])
      .execute(),
    myAcknowledgement(ctx, id),
  ]);
  if (!row) throw notFound(`Document ${id}`);
  const published = versions.find((v) => v.status === 'published');
  const open = versions.find((v) => v.status !== 'published');
  return {
    ...presentPolicySummary(row),
    published: published ? presentVersion(published) : null,
    open: open ? presentVersion(open) : null,
    myAcknowledgedAt: ack ? ack.acknowledged_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function createPolicy(ctx: ServiceContext, input: PolicyInput): Promise<PolicyDetail> {
  return inTransaction(ctx, async (tx) => {
    await assertActiveUser(tx, input.ownerId, 'ownerId');
    const doc = await tx.db
      .insertInto('policy_documents')
      .values({
        organization_id: tx.organizationId,
        title: input.title,
        kind: input.kind,
        owner_id: input.ownerId,
        classification: input.classification,
        review_interval_months: input.reviewIntervalMonths,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAuditEvent(
      tx,
      'policy.created',
      { type: 'policy', id: doc.id },
      { title: doc.title, kind: doc.kind, classification: doc.classification, ownerId: doc.owner_id },
    );
    await tx.db
      .insertInto('policy_versions')
      .values({
        organization_id: tx.organizationId,
        document_id: doc.id,
        number: 1,
        body: input.body,
        change_summary: input.changeSummary,
        status: 'draft',
        author_id: tx.actor.userId,
      })
      .execute();
    await recordAuditEvent(
      tx,
      'policy.version-drafted',
      { type: 'policy', id: doc.id },
      { title: doc.title, number: 1 },
    );
    return getPolicy(tx, doc.id);
  });
}

export async function updatePolicy(
  ctx: ServiceContext,
  id: string,
  patch: PolicyPatch,
): Promise<PolicyDetail> {
  return inTransaction(ctx, async (tx) => {
    const before = await findDocument(tx, id, true);
    if (patch.ownerId !== undefined) await assertActiveUser(tx, patch.ownerId, 'ownerId');
    const columns = {
      title: patch.title,
      kind: patch.kind,
      owner_id: patch.ownerId,
      classification: patch.classification,
      review_interval_months: patch.reviewIntervalMonths,
    };
    const changes = changesBetween(before, columns);
    if (Object.keys(changes).length === 0) return getPolicy(tx, id);
    const published = await tx.db
      .selectFrom('policy_versions')
      .select('published_at')
      .where('document_id', '=', id)
      .where('status', '=', 'published')
      .executeTakeFirst();
    const interval = patch.reviewIntervalMonths;
    const nextReview =
      interval !== undefined && published?.published_at
        ? addMonths(published.published_at, interval)
        : undefined;
    await tx.db
      .updateTable('policy_documents')
      .set({ ...columns, next_review_at: nextReview, updated_at: new Date() })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    await recordAuditEvent(
      tx,
      'policy.updated',
      { type: 'policy', id },
      { title: patch.title ?? before.title, changes },
    );
    return getPolicy(tx, id);
  });
}
