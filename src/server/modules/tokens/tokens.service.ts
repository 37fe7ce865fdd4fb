import type { z } from 'zod';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import type { Role } from '../../../contracts/permissions.js';
import type { ApiToken, createTokenRequestSchema } from '../../../contracts/tokens.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { API_TOKEN_PREFIX } from '../../kernel/auth/authenticate.js';
import { randomSecret, sha256Hex } from '../../kernel/auth/secrets.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, forbidden, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { presentToken } from './tokens.presenter.js';

export type CreateTokenInput = z.output<typeof createTokenRequestSchema>;

function ownerOf(ctx: ServiceContext): { userId: string; role: Role } {
  if (!ctx.actor.userId || !ctx.actor.role) throw forbidden('Only people can own API tokens');
  return { userId: ctx.actor.userId, role: ctx.actor.role };
}

export function listOwnTokens(ctx: ServiceContext, page: PageQuery): Promise<Page<ApiToken>> {
  const { userId } = ownerOf(ctx);
  const query = ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('user_id', '=', userId);
  return paged(query, (q) => q.orderBy('created_at', 'desc').orderBy('id'), page, presentToken);
}

export async function createToken(
  ctx: ServiceContext,
  input: CreateTokenInput,
): Promise<{ token: string; apiToken: ApiToken }> {
  const { userId, role } = ownerOf(ctx);
  if (ctx.actor.type !== 'user') throw forbidden('An API token cannot create tokens; sign in to create one');
  const beyondRole = input.scopes.filter((s) => !ctx.actor.permissions.has(s));
  if (beyondRole.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      `A token cannot have scopes your role (${role}) and duties lack: ${beyondRole.join(', ')}`,
      [{ path: 'scopes', message: `Not allowed for ${role}: ${beyondRole.join(', ')}` }],
    );
  }
  const token = `${API_TOKEN_PREFIX}${randomSecret()}`;
  const scopes = [...new Set(input.scopes)].sort();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('api_tokens')
      .values({
        organization_id: tx.organizationId,
        user_id: userId,
        name: input.name,
        prefix: token.slice(0, 12),
        token_hash: sha256Hex(token),
        scopes,
        expires_at: expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAuditEvent(
      tx,
      'token.created',
      { type: 'api-token', id: row.id },
      {
        name: row.name,
        prefix: row.prefix,
        scopes,
        expiresAt: expiresAt.toISOString(),
      },
    );
    return { token, apiToken: presentToken(row) };
  });
}

export async function revokeOwnToken(ctx: ServiceContext, id: string): Promise<void> {
  const { userId } = ownerOf(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound(`Active API token ${id}`);
    await recordAuditEvent(
      tx,
      'token.revoked',
      { type: 'api-token', id },
      { name: row.name, prefix: row.prefix },
    );
  });
}
