import type { z } from 'zod';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import type { Role } from '../../../contracts/permissions.js';
import type {
  inviteResponseSchema,
  inviteUserRequestSchema,
  User,
  updateUserRequestSchema,
} from '../../../contracts/users.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { changesBetween } from '../../kernel/audit/changes.js';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { randomSecret, sha256Hex } from '../../kernel/auth/secrets.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { deleteSessionsOfUser } from '../auth/index.js';
import { revokeTokensOfUser } from '../tokens/index.js';
import { presentUser } from './users.presenter.js';
import {
  findUserByEmailOrUndefined,
  findUserInOrganizationOrUndefined,
  lockAndCountActiveAdmins,
  updateUserRow,
} from './users.repository.js';

const INVITATION_TTL_DAYS = 7;

export type InviteInput = z.output<typeof inviteUserRequestSchema>;
export type UserPatch = z.output<typeof updateUserRequestSchema>;
export type InviteResult = z.infer<typeof inviteResponseSchema>;

export function listUsers(ctx: ServiceContext, page: PageQuery): Promise<Page<User>> {
  const query = ctx.db.selectFrom('users').selectAll().where('organization_id', '=', ctx.organizationId);
  return paged(query, (q) => q.orderBy('name').orderBy('id'), page, presentUser);
}

const emailTaken = (email: string) => conflict(`A user with e-mail ${email} already exists`);

async function insertUser(
  ctx: ServiceContext,
  values: { email: string; name: string; role: Role; status: string; passwordHash: string | null },
) {
  try {
    return await ctx.db
      .insertInto('users')
      .values({
        organization_id: ctx.organizationId,
        email: values.email,
        name: values.name,
        role: values.role,
        status: values.status,
        password_hash: values.passwordHash,
        password_changed_at: values.passwordHash ? new Date() : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (err) {
    throw isUniqueViolation(err) ? emailTaken(values.email) : err;
  }
}

export async function inviteUser(
  ctx: ServiceContext,
  input: InviteInput,
  publicUrl: string,
): Promise<InviteResult> {
  if (await findUserByEmailOrUndefined(ctx.db, input.email)) throw emailTaken(input.email);
  return inTransaction(ctx, async (tx) => {
    const user = await insertUser(tx, { ...input, status: 'invited', passwordHash: null });
    const token = randomSecret();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
    await tx.db
      .insertInto('user_invitations')
      .values({
        organization_id: tx.organizationId,
        user_id: user.id,
        token_hash: sha256Hex(token),
        expires_at: expiresAt,
        created_by: tx.actor.userId,
      })
      .execute();
    await recordAuditEvent(
      tx,
      'user.invited',
      { type: 'user', id: user.id },
      {
        email: user.email,
        role: user.role,
        expiresAt: expiresAt.toISOString(),
      },
    );
    return {
      user: presentUser(user),
      inviteToken: token,
      inviteUrl: `${publicUrl}/accept-invite?token=${encodeURIComponent(token)}`,
      expiresAt: expiresAt.toISOString(),
    };
  });
}

/** Creates an active user with a password directly (administrators' CLI). */
export async function createUser(
  ctx: ServiceContext,
  input: { email: string; name: string; role: Role; password: string },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const user = await insertUser(tx, { ...input, status: 'active', passwordHash });
    await recordAuditEvent(
      tx,
      'user.created',
      { type: 'user', id: user.id },
      { email: user.email, role: user.role },
    );
    return presentUser(user);
  });
}

async function assertAdminRemains(
  ctx: ServiceContext,
  before: { role: string; status: string },
  patch: UserPatch,
) {
  const wasActiveAdmin = before.role === 'admin' && before.status === 'active';
  const staysActiveAdmin =
    (patch.role ?? before.role) === 'admin' && (patch.status ?? before.status) === 'active';
  if (
    wasActiveAdmin &&
    !staysActiveAdmin &&
    (await lockAndCountActiveAdmins(ctx.db, ctx.organizationId)) <= 1
  ) {
    throw conflict('The organisation must keep at least one active admin');
  }
}

export async function updateUser(ctx: ServiceContext, id: string, patch: UserPatch): Promise<User> {
  return inTransaction(ctx, async (tx) => {
    const before = await findUserInOrganizationOrUndefined(tx.db, tx.organizationId, id);
    if (!before) throw notFound(`User ${id}`);
    if (patch.status && before.status === 'invited') {
      throw new AppError('CONFLICT', 'An invited user becomes active by accepting the invitation');
    }
    await assertAdminRemains(tx, before, patch);
    const duties = patch.duties && [...new Set(patch.duties)].sort();
    if ((patch.role ?? before.role) === 'auditor' && (duties ?? before.duties).length > 0)
      throw new AppError('VALIDATION_FAILED', 'An auditor takes no duties', [
        { path: 'duties', message: 'Auditors are read-only; remove the duties or choose another role' },
      ]);
    const { duties: _, ...fields } = patch;
    const changes = changesBetween({ name: before.name, role: before.role, status: before.status }, fields);
    if (duties && duties.join() !== before.duties.join())
      changes.duties = { from: before.duties, to: duties };
    if (Object.keys(changes).length === 0) return presentUser(before);
    const user = await updateUserRow(tx.db, id, { ...fields, ...(duties ? { duties } : {}) });
    if (patch.status === 'disabled' || patch.role || changes.duties) await deleteSessionsOfUser(tx.db, id);
    const disabling = changes.status !== undefined && patch.status === 'disabled';
    const tokensRevoked = disabling ? await revokeTokensOfUser(tx.db, id, new Date()) : 0;
    await recordAuditEvent(
      tx,
      'user.updated',
      { type: 'user', id },
      { email: user.email, changes, ...(tokensRevoked ? { tokensRevoked } : {}) },
    );
    return presentUser(user);
  });
}

/** Sets a new password for a user (administrators' CLI) and ends their sessions. */
export async function resetPassword(ctx: ServiceContext, email: string, newPassword: string): Promise<User> {
  const passwordHash = await hashPassword(newPassword);
  return inTransaction(ctx, async (tx) => {
    const before = await findUserByEmailOrUndefined(tx.db, email);
    if (!before) throw notFound(`User ${email}`);
    const scoped = { ...tx, organizationId: before.organization_id };
    const user = await updateUserRow(tx.db, before.id, {
      password_hash: passwordHash,
      password_changed_at: new Date(),
      status: before.status === 'invited' ? 'active' : before.status,
    });
    await deleteSessionsOfUser(tx.db, before.id);
    await recordAuditEvent(
      scoped,
      'user.password-reset',
      { type: 'user', id: user.id },
      { email: user.email },
    );
    return presentUser(user);
  });
}
