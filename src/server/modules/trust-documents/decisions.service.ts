import type { Selectable } from 'kysely';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import type { TrustDocumentRequestsTable } from '../../kernel/db/schema.js';
import { conflict, notFound } from '../../kernel/errors/app-error.js';
import { enqueueMail } from '../../kernel/mail/index.js';
import { sendSignInLink } from './access.service.js';

const DAY = 86_400_000;

export type RequestRow = Selectable<TrustDocumentRequestsTable>;

/** Creates the time-limited grant, marks the request approved and mails a sign-in link. */
export async function grantAccess(
  ctx: ServiceContext,
  request: RequestRow,
  expiresInDays: number,
  ruleDomain: string | null,
  publicUrl: string,
) {
  if (request.status !== 'pending') {
    const why: Record<string, string> = {
      unverified: 'the requester has not confirmed their e-mail address',
      'nda-pending': 'the requester has not accepted the NDA',
      approved: 'it was already approved',
      rejected: 'it was rejected',
    };
    throw conflict(`The request cannot be approved: ${why[request.status] ?? request.status}`);
  }
  const expiresAt = new Date(Date.now() + expiresInDays * DAY);
  const grant = await ctx.db
    .insertInto('trust_access_grants')
    .values({
      organization_id: ctx.organizationId,
      request_id: request.id,
      email: request.email,
      expires_at: expiresAt,
      created_by: ctx.actor.userId,
    })
    .returning(['id', 'email', 'expires_at'])
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('trust_document_requests')
    .set({
      status: 'approved',
      decided_at: new Date(),
      decided_by: ctx.actor.userId,
      auto_rule_domain: ruleDomain,
    })
    .where('id', '=', request.id)
    .execute();
  await sendSignInLink(ctx, grant, publicUrl);
  await recordAuditEvent(
    ctx,
    'trust-document-request.approved',
    { type: 'trust-document-request', id: request.id },
    { grantId: grant.id, expiresAt: expiresAt.toISOString(), autoRuleDomain: ruleDomain },
  );
  return grant;
}

export async function findRequest(ctx: ServiceContext, id: string): Promise<RequestRow> {
  const row = await ctx.db
    .selectFrom('trust_document_requests')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(`Document request ${id}`);
  return row;
}

export function approveRequest(
  ctx: ServiceContext,
  id: string,
  expiresInDays: number,
  publicUrl: string,
): Promise<{ grantId: string; expiresAt: string }> {
  return inTransaction(ctx, async (tx) => {
    const grant = await grantAccess(tx, await findRequest(tx, id), expiresInDays, null, publicUrl);
    return { grantId: grant.id, expiresAt: new Date(grant.expires_at).toISOString() };
  });
}

/** Refuses a confirmed request and tells the requester (unconfirmed addresses are never mailed). */
export function rejectRequest(ctx: ServiceContext, id: string, reason: string): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const request = await findRequest(tx, id);
    if (!['pending', 'nda-pending', 'unverified'].includes(request.status)) {
      throw conflict(`The request was already ${request.status}`);
    }
    await tx.db
      .updateTable('trust_document_requests')
      .set({
        status: 'rejected',
        decided_at: new Date(),
        decided_by: tx.actor.userId,
        rejection_reason: reason,
      })
      .where('id', '=', id)
      .execute();
    if (request.status !== 'unverified') {
      const org = await tx.db
        .selectFrom('organizations')
        .select('name')
        .where('id', '=', tx.organizationId)
        .executeTakeFirstOrThrow();
      await enqueueMail(tx, {
        to: request.email,
        subject: `${org.name}: your request for documents`,
        text: [
          `We cannot give you access to the documents you asked for.${reason ? `\n\n${reason}` : ''}`,
          '',
          'Contact your account manager if you have questions.',
        ].join('\n'),
      });
    }
    await recordAuditEvent(
      tx,
      'trust-document-request.rejected',
      { type: 'trust-document-request', id },
      { reason },
    );
  });
}
