import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  acceptInviteRequestSchema,
  changePasswordRequestSchema,
  SessionResponse,
} from '../../../contracts/auth.js';
import { permissionsOf } from '../../../contracts/permissions.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { forgetCachedSessions } from '../../kernel/auth/authenticate.js';
import { hashPassword, verifyPassword } from '../../kernel/auth/passwords.js';
import { randomSecret, sha256Hex } from '../../kernel/auth/secrets.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import type { Database, UserRow } from '../../kernel/db/schema.js';
import { runTransaction } from '../../kernel/db/transaction.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { findOrganizationOrUndefined } from '../organization/index.js';
import {
  claimInvitation,
  findInvitationOrganizationOrUndefined,
  findUserByEmailOrUndefined,
  findUserInOrganizationOrUndefined,
  updateUserRow,
} from '../users/index.js';
import { deleteSessionsOfUser } from './auth.repository.js';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface StartedSession {
  sessionToken: string;
  expiresAt: Date;
  response: SessionResponse;
}

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 'The e-mail address or password is wrong');

function userContext(db: Kysely<Database>, user: UserRow): ServiceContext {
  const role = user.role;
  return {
    db,
    organizationId: user.organization_id,
    actor: {
      type: 'user',
      userId: user.id,
      tokenId: null,
      role,
      permissions: permissionsOf(role, user.duties),
    },
  };
}

export async function describeSession(ctx: ServiceContext, csrfToken: string): Promise<SessionResponse> {
  const user = ctx.actor.userId
    ? await findUserInOrganizationOrUndefined(ctx.db, ctx.organizationId, ctx.actor.userId)
    : undefined;
  const org = await findOrganizationOrUndefined(ctx.db, ctx.organizationId);
  if (!user || !org) throw notFound('The session’s user');
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    organization: { id: org.id, name: org.name },
    permissions: [...ctx.actor.permissions],
    csrfToken,
  };
}

async function startSession(
  ctx: ServiceContext,
  user: UserRow,
  client: ClientInfo,
  ttlHours: number,
): Promise<StartedSession> {
  const sessionToken = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await ctx.db
    .insertInto('sessions')
    .values({
      organization_id: user.organization_id,
      user_id: user.id,
      token_hash: sha256Hex(sessionToken),
      csrf_token: csrfToken,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 500) ?? null,
      expires_at: expiresAt,
    })
    .execute();
  await updateUserRow(ctx.db, user.id, { last_login_at: new Date() });
  await recordAuditEvent(
    ctx,
    'auth.signed-in',
    { type: 'user', id: user.id },
    { email: user.email, ip: client.ip },
  );
  return { sessionToken, expiresAt, response: await describeSession(ctx, csrfToken) };
}

export async function signIn(
  db: Kysely<Database>,
  credentials: { email: string; password: string },
  client: ClientInfo,
  ttlHours: number,
): Promise<StartedSession> {
  const user = await findUserByEmailOrUndefined(db, credentials.email);
  const passwordOk = await verifyPassword(user?.password_hash ?? null, credentials.password);
  if (!user || !passwordOk || user.status !== 'active') throw invalidCredentials();
  return inTransaction(userContext(db, user), (tx) => startSession(tx, user, client, ttlHours));
}

export async function signOut(ctx: ServiceContext, sessionId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const user = await findUserInOrganizationOrUndefined(tx.db, tx.organizationId, tx.actor.userId ?? '');
    await tx.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    forgetCachedSessions({ sessionId });
    await recordAuditEvent(
      tx,
      'auth.signed-out',
      { type: 'user', id: tx.actor.userId },
      { email: user?.email ?? '' },
    );
  });
}

export async function changePassword(
  ctx: ServiceContext,
  input: z.output<typeof changePasswordRequestSchema>,
  currentSessionId: string,
): Promise<void> {
  const user = await findUserInOrganizationOrUndefined(ctx.db, ctx.organizationId, ctx.actor.userId ?? '');
  if (!user) throw notFound('The user');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong');
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION_FAILED', 'The new password must differ from the current one', [
      { path: 'newPassword', message: 'Same as the current password' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await updateUserRow(tx.db, user.id, { password_hash: passwordHash, password_changed_at: new Date() });
    await deleteSessionsOfUser(tx.db, user.id, currentSessionId);
    await recordAuditEvent(tx, 'user.password-changed', { type: 'user', id: user.id }, { email: user.email });
  });
}

export async function acceptInvite(
  db: Kysely<Database>,
  input: z.output<typeof acceptInviteRequestSchema>,
  client: ClientInfo,
  ttlHours: number,
): Promise<StartedSession> {
  const invalid = () => new AppError('NOT_FOUND', 'This invitation link is invalid, expired or already used');
  const tokenHash = sha256Hex(input.token);
  const organizationId = await findInvitationOrganizationOrUndefined(db, tokenHash);
  if (!organizationId) throw invalid();
  const passwordHash = await hashPassword(input.password);
  // The helper locks the organisation row before the invitation and the user rows (the lock order).
  return runTransaction(db, organizationId, async (trx) => {
    const invitation = await claimInvitation(trx, tokenHash);
    if (!invitation) throw invalid();
    const user = await updateUserRow(trx, invitation.userId, {
      name: input.name,
      status: 'active',
      password_hash: passwordHash,
      password_changed_at: new Date(),
    });
    const ctx = userContext(trx, user);
    await recordAuditEvent(
      ctx,
      'user.invitation-accepted',
      { type: 'user', id: user.id },
      { email: user.email },
    );
    return startSession(ctx, user, client, ttlHours);
  });
}
