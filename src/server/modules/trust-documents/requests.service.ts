import type { PublicRequest } from '../../../contracts/trust-documents.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { randomSecret, sha256Hex } from '../../kernel/auth/secrets.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, conflict } from '../../kernel/errors/app-error.js';
import { enqueueMail, mayMailFromPublicForm } from '../../kernel/mail/index.js';
import { grantAccess, type RequestRow } from './decisions.service.js';
import { currentNda, ruleForEmail } from './settings.service.js';

const DAY = 86_400_000;
/** The e-mailed verification link (and the NDA step it leads to) works for three days. */
const VERIFY_DAYS = 3;

/** Who sent the request: recorded with the NDA acceptance. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

async function requestedLevels(ctx: ServiceContext, requestId: string): Promise<Set<string>> {
  const rows = await ctx.db
    .selectFrom('trust_document_request_items as i')
    .innerJoin('trust_documents as d', 'd.id', 'i.document_id')
    .select('d.access_level')
    .where('i.organization_id', '=', ctx.organizationId)
    .where('i.request_id', '=', requestId)
    .execute();
  return new Set(rows.map((r) => r.access_level));
}

/** The published, non-public documents a visitor asked for; anything else is refused by name. */
async function requestableDocuments(ctx: ServiceContext, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = await ctx.db
    .selectFrom('trust_documents')
    .select(['id', 'title', 'access_level'])
    .where('organization_id', '=', ctx.organizationId)
    .where('published', '=', true)
    .where('id', 'in', unique)
    .execute();
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new AppError('VALIDATION_FAILED', `Document ${missing[0]} is not published here`);
  const open = rows.find((r) => r.access_level === 'public');
  if (open) throw new AppError('VALIDATION_FAILED', `${open.title} is public: download it directly`);
  return rows;
}

/** A visitor asks for documents; nothing happens until they open the link mailed to the address they gave. */
export function submitRequest(ctx: ServiceContext, input: PublicRequest, publicUrl: string): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const docs = await requestableDocuments(tx, input.documentId);
    if (docs.some((d) => d.access_level === 'nda') && !(await currentNda(tx))) {
      throw conflict('NDA-required documents cannot be requested until an NDA text is published');
    }
    const token = randomSecret();
    const email = input.email.toLowerCase();
    const row = await tx.db
      .insertInto('trust_document_requests')
      .values({
        organization_id: tx.organizationId,
        name: input.name,
        email,
        company: input.company,
        reason: input.reason,
        status: 'unverified',
        verify_token_hash: sha256Hex(token),
        verify_expires_at: new Date(Date.now() + VERIFY_DAYS * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('trust_document_request_items')
      .values(
        docs.map((d) => ({ organization_id: tx.organizationId, request_id: row.id, document_id: d.id })),
      )
      .execute();
    await recordAuditEvent(
      tx,
      'trust-document-request.submitted',
      { type: 'trust-document-request', id: row.id },
      { emailDomain: email.split('@').pop() ?? '', documents: docs.map((d) => d.title).sort() },
    );
    if (!(await mayMailFromPublicForm(tx, email))) return;
    await enqueueMail(tx, {
      to: email,
      subject: 'Confirm your request for documents',
      text: [
        `Open ${publicUrl}/trust/documents/verify?token=${token} to confirm your e-mail address and continue your request.`,
        '',
        `The link works for ${VERIFY_DAYS} days. If you did not ask for documents, ignore this message.`,
      ].join('\n'),
    });
  });
}

async function requestByToken(ctx: ServiceContext, token: string): Promise<RequestRow | undefined> {
  return ctx.db
    .selectFrom('trust_document_requests')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('verify_token_hash', '=', sha256Hex(token))
    .where('verify_expires_at', '>', new Date())
    .executeTakeFirst();
}

export type RequestStep =
  | { step: 'nda'; ndaText: string; ndaVersion: number }
  | { step: 'pending' }
  | { step: 'approved' }
  | { step: 'rejected' };

async function stepOf(ctx: ServiceContext, status: string): Promise<RequestStep> {
  if (status === 'nda-pending') {
    const nda = await currentNda(ctx);
    if (!nda) throw conflict('No NDA text is published');
    return { step: 'nda', ndaText: nda.text, ndaVersion: nda.version };
  }
  if (status === 'approved') return { step: 'approved' };
  if (status === 'rejected') return { step: 'rejected' };
  return { step: 'pending' };
}

/**
 * The visitor opened the verification link: the address is theirs. NDA-required documents lead to the NDA
 * next; otherwise the request awaits staff, unless an auto-approval rule covers it. Opening the link again
 * shows where the request stands. Undefined for an unknown or expired link.
 */
export function verifyRequest(
  ctx: ServiceContext,
  token: string,
  publicUrl: string,
): Promise<RequestStep | undefined> {
  return inTransaction(ctx, async (tx) => {
    const request = await requestByToken(tx, token);
    if (!request) return undefined;
    if (request.status !== 'unverified') return stepOf(tx, request.status);
    const ndaRequired = (await requestedLevels(tx, request.id)).has('nda');
    const status = ndaRequired ? 'nda-pending' : 'pending';
    await tx.db
      .updateTable('trust_document_requests')
      .set({ status, verified_at: new Date() })
      .where('id', '=', request.id)
      .execute();
    await recordAuditEvent(
      tx,
      'trust-document-request.verified',
      { type: 'trust-document-request', id: request.id },
      { ndaRequired },
    );
    if (!ndaRequired && (await autoApprove(tx, { ...request, status }, publicUrl)))
      return { step: 'approved' };
    return stepOf(tx, status);
  });
}

/** Records the NDA acceptance (version shown, typed name, time, IP, user agent); undefined for a bad link. */
export function acceptNda(
  ctx: ServiceContext,
  input: { token: string; name: string },
  client: ClientInfo,
  publicUrl: string,
): Promise<RequestStep | undefined> {
  return inTransaction(ctx, async (tx) => {
    const request = await requestByToken(tx, input.token);
    if (!request) return undefined;
    if (request.status === 'unverified') throw conflict('Open the link in the e-mail first');
    if (request.status !== 'nda-pending') return stepOf(tx, request.status);
    const nda = await currentNda(tx);
    if (!nda) throw conflict('No NDA text is published');
    await tx.db
      .updateTable('trust_document_requests')
      .set({
        status: 'pending',
        nda_version_id: nda.id,
        nda_signed_name: input.name,
        nda_accepted_at: new Date(),
        nda_ip: client.ip,
        nda_user_agent: client.userAgent,
      })
      .where('id', '=', request.id)
      .execute();
    await recordAuditEvent(
      tx,
      'trust-document-request.nda-accepted',
      { type: 'trust-document-request', id: request.id },
      { ndaVersion: nda.version },
    );
    if (await autoApprove(tx, { ...request, status: 'pending' }, publicUrl)) return { step: 'approved' };
    return { step: 'pending' };
  });
}

/** Approves without staff when a rule for the e-mail domain covers every access level requested. */
async function autoApprove(ctx: ServiceContext, request: RequestRow, publicUrl: string): Promise<boolean> {
  const rule = await ruleForEmail(ctx, request.email);
  if (!rule) return false;
  const levels = await requestedLevels(ctx, request.id);
  if (levels.has('on-request') && !rule.approves_on_request) return false;
  if (levels.has('nda') && !rule.approves_nda) return false;
  await grantAccess(ctx, request, rule.expires_in_days, rule.domain, publicUrl);
  return true;
}
