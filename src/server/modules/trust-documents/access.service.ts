import type { Page, PageQuery } from '../../../contracts/paging.js';
import type { AccessGrant } from '../../../contracts/trust-documents.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { randomSecret, sha256Hex } from '../../kernel/auth/secrets.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { enqueueMail, mayMailFromPublicForm } from '../../kernel/mail/index.js';
import { grantState, isoOf } from './trust-documents.presenter.js';

const HOUR = 3_600_000;
/** A sign-in link works once, within 24 hours of being sent. */
export const SIGN_IN_LINK_HOURS = 24;
/** A visitor session lasts two hours, and never past the grant's expiry. */
export const VISITOR_SESSION_HOURS = 2;

export interface GrantRow {
  id: string;
  email: string;
  expires_at: Date;
}

async function orgName(ctx: ServiceContext): Promise<string> {
  const org = await ctx.db
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', ctx.organizationId)
    .executeTakeFirstOrThrow();
  return org.name;
}

/** Queues a one-time sign-in link for the grant's address, in the caller's transaction. */
export async function sendSignInLink(ctx: ServiceContext, grant: GrantRow, publicUrl: string): Promise<Date> {
  const token = randomSecret();
  const expiresAt = new Date(Date.now() + SIGN_IN_LINK_HOURS * HOUR);
  await ctx.db
    .insertInto('trust_sign_in_links')
    .values({
      organization_id: ctx.organizationId,
      grant_id: grant.id,
      token_hash: sha256Hex(token),
      expires_at: expiresAt,
    })
    .execute();
  const name = await orgName(ctx);
  await enqueueMail(ctx, {
    to: grant.email,
    subject: `${name}: your link to the documents you were given access to`,
    text: [
      `Open ${publicUrl}/trust/documents/sign-in?token=${token} to see and download your documents.`,
      '',
      `The link works once, until ${expiresAt.toISOString().replace(/\.\d+Z$/, 'Z')}. Your access lasts until ${isoOf(grant.expires_at).slice(0, 10)}.`,
      `For a new link later, ask on ${publicUrl}/trust/documents.`,
    ].join('\n'),
  });
  return expiresAt;
}

/** Mailed to an address without an active grant, so both answers to a probe take the same work. */
async function sendNoAccessNotice(ctx: ServiceContext, email: string, publicUrl: string): Promise<void> {
  const name = await orgName(ctx);
  await enqueueMail(ctx, {
    to: email,
    subject: `${name}: your link to the documents you were given access to`,
    text: [
      'Someone asked for a sign-in link to documents for this address, but it has no current access.',
      '',
      `To ask for documents, open ${publicUrl}/trust/documents. If this was not you, ignore this message.`,
    ].join('\n'),
  });
}

/**
 * A visitor asks for a new sign-in link. The address is mailed either way — a link when it has an active
 * grant, a note saying it has none otherwise — through the outbox in this transaction, so the answer, its
 * work and its timing do not tell a prober whether an address was given access. Mail from public forms to
 * one address is capped per hour; past the cap nothing is looked up or sent, and the answer is the same.
 */
export function requestSignInLink(ctx: ServiceContext, email: string, publicUrl: string): Promise<void> {
  const address = email.toLowerCase();
  return inTransaction(ctx, async (tx) => {
    if (!(await mayMailFromPublicForm(tx, address))) return;
    const grant = await tx.db
      .selectFrom('trust_access_grants')
      .select(['id', 'email', 'expires_at'])
      .where('organization_id', '=', tx.organizationId)
      .where('email', '=', address)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date())
      .orderBy('expires_at', 'desc')
      .executeTakeFirst();
    if (!grant) {
      await sendNoAccessNotice(tx, address, publicUrl);
      return;
    }
    const expiresAt = await sendSignInLink(tx, grant, publicUrl);
    await recordAuditEvent(
      tx,
      'trust-access-grant.sign-in-link-sent',
      { type: 'trust-access-grant', id: grant.id },
      { expiresAt: expiresAt.toISOString() },
    );
  });
}

export interface VisitorSession {
  token: string;
  expiresAt: Date;
}

/** Uses up a sign-in link and opens a visitor session; null when the link is unknown, used, expired or its grant ended. */
export function openSignInLink(ctx: ServiceContext, token: string): Promise<VisitorSession | null> {
  return inTransaction(ctx, async (tx) => {
    const now = new Date();
    const link = await tx.db
      .updateTable('trust_sign_in_links')
      .set({ used_at: now })
      .where('organization_id', '=', tx.organizationId)
      .where('token_hash', '=', sha256Hex(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('grant_id')
      .executeTakeFirst();
    if (!link) return null;
    const grant = await tx.db
      .selectFrom('trust_access_grants')
      .select(['id', 'expires_at', 'revoked_at'])
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', link.grant_id)
      .executeTakeFirstOrThrow();
    if (grantState(grant, now) !== 'active') return null;
    const session = randomSecret();
    const expiresAt = new Date(
      Math.min(now.getTime() + VISITOR_SESSION_HOURS * HOUR, new Date(grant.expires_at).getTime()),
    );
    await tx.db
      .insertInto('trust_visitor_sessions')
      .values({
        organization_id: tx.organizationId,
        grant_id: grant.id,
        token_hash: sha256Hex(session),
        expires_at: expiresAt,
      })
      .execute();
    await recordAuditEvent(
      tx,
      'trust-access-grant.signed-in',
      { type: 'trust-access-grant', id: grant.id },
      { sessionExpiresAt: expiresAt.toISOString() },
    );
    return { token: session, expiresAt };
  });
}

/** The grant behind a visitor's session cookie, only while session and grant are both live. */
export async function sessionGrant(ctx: ServiceContext, sessionToken: string | undefined) {
  if (!sessionToken) return undefined;
  const now = new Date();
  return ctx.db
    .selectFrom('trust_visitor_sessions as s')
    .innerJoin('trust_access_grants as g', 'g.id', 's.grant_id')
    .innerJoin('trust_document_requests as r', 'r.id', 'g.request_id')
    .select(['g.id', 'g.request_id', 'g.expires_at', 'r.name', 'r.email', 'r.nda_accepted_at'])
    .where('s.organization_id', '=', ctx.organizationId)
    .where('s.token_hash', '=', sha256Hex(sessionToken))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('g.revoked_at', 'is', null)
    .where('g.expires_at', '>', now)
    .executeTakeFirst();
}

/** Ends a grant at once: its sessions are revoked, so the next page or download is refused. */
export function revokeGrant(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const now = new Date();
    const grant = await tx.db
      .updateTable('trust_access_grants')
      .set({ revoked_at: now, revoked_by: tx.actor.userId })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning(['id', 'request_id'])
      .executeTakeFirst();
    if (!grant) {
      await findGrant(tx, id);
      throw conflict('This access was already revoked');
    }
    const ended = await tx.db
      .updateTable('trust_visitor_sessions')
      .set({ revoked_at: now })
      .where('organization_id', '=', tx.organizationId)
      .where('grant_id', '=', id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    await recordAuditEvent(
      tx,
      'trust-access-grant.revoked',
      { type: 'trust-access-grant', id },
      { requestId: grant.request_id, sessionsEnded: ended.length },
    );
  });
}

async function findGrant(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('trust_access_grants')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Access grant ${id}`);
  return row;
}

async function grantDocumentTitles(
  ctx: ServiceContext,
  requestIds: string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (requestIds.length === 0) return map;
  const rows = await ctx.db
    .selectFrom('trust_document_request_items as i')
    .innerJoin('trust_documents as d', 'd.id', 'i.document_id')
    .select(['i.request_id', 'd.title'])
    .where('i.organization_id', '=', ctx.organizationId)
    .where('i.request_id', 'in', requestIds)
    .orderBy('d.title')
    .execute();
  for (const r of rows) map.set(r.request_id, [...(map.get(r.request_id) ?? []), r.title]);
  return map;
}

export async function listGrants(ctx: ServiceContext, query: PageQuery): Promise<Page<AccessGrant>> {
  const q = ctx.db
    .selectFrom('trust_access_grants as g')
    .innerJoin('trust_document_requests as r', 'r.id', 'g.request_id')
    .select([
      'g.id',
      'g.request_id',
      'g.expires_at',
      'g.revoked_at',
      'g.created_at',
      'r.name',
      'r.email',
      'r.company',
    ])
    .where('g.organization_id', '=', ctx.organizationId);
  const page = await paged(
    q,
    (x) => x.orderBy('g.created_at', 'desc').orderBy('g.id'),
    query,
    (r) => r,
  );
  const titles = await grantDocumentTitles(
    ctx,
    page.items.map((g) => g.request_id),
  );
  return {
    ...page,
    items: page.items.map((g) => ({
      id: g.id,
      requestId: g.request_id,
      name: g.name,
      email: g.email,
      company: g.company,
      documents: titles.get(g.request_id) ?? [],
      expiresAt: isoOf(g.expires_at),
      revokedAt: g.revoked_at ? isoOf(g.revoked_at) : null,
      state: grantState(g),
      createdAt: isoOf(g.created_at),
    })),
  };
}
