import type { Kysely } from 'kysely';
import {
  type Permission,
  permissionSchema,
  permissionsOf,
  type Role,
  roleSchema,
} from '../../../contracts/permissions.js';
import type { Actor } from '../context.js';
import type { Database } from '../db/schema.js';
import { sha256Hex } from './secrets.js';

export const API_TOKEN_PREFIX = 'tlt_';
const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface Authenticated {
  organizationId: string;
  actor: Actor;
  /** Present for cookie sessions; required back on state-changing requests. */
  session?: { id: string; csrfToken: string };
}

function userActor(userId: string, role: Role, duties: readonly string[]): Actor {
  return { type: 'user', userId, tokenId: null, role, permissions: permissionsOf(role, duties) };
}

/**
 * Sessions recently read from the database, per process: a hit skips the session query for up to
 * SESSION_CACHE_TTL_MS. Sign-out, disabling a user and any other deletion of sessions made through this
 * process forget them at once; one made by another process (behind a load balancer) is honoured within the
 * TTL. Bounded to SESSION_CACHE_MAX entries (the oldest go first). Nothing is shared between processes.
 */
export const SESSION_CACHE_TTL_MS = 3_000;
const SESSION_CACHE_MAX = 10_000;
const sessionCache = new Map<string, { auth: Authenticated; userId: string; until: number }>();

/** Drops cached sessions: one by id, or every session of a user (sign-out, disable, role change). */
export function forgetCachedSessions(which: { sessionId?: string; userId?: string }): void {
  for (const [key, entry] of sessionCache) {
    if (entry.auth.session?.id === which.sessionId || entry.userId === which.userId) sessionCache.delete(key);
  }
}

export async function authenticateSession(
  db: Kysely<Database>,
  sessionToken: string,
  now = new Date(),
): Promise<Authenticated | undefined> {
  const key = sha256Hex(sessionToken);
  const cached = sessionCache.get(key);
  if (cached && cached.until > now.getTime()) return cached.auth;
  sessionCache.delete(key);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.organization_id',
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.role',
      'users.duties',
      'users.status',
    ])
    .where('sessions.token_hash', '=', key)
    .executeTakeFirst();
  if (!row || row.expires_at <= now || row.status !== 'active') return undefined;
  if (now.getTime() - row.last_seen_at.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  const auth: Authenticated = {
    organizationId: row.organization_id,
    actor: userActor(row.user_id, roleSchema.parse(row.role), row.duties),
    session: { id: row.id, csrfToken: row.csrf_token },
  };
  if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.delete(sessionCache.keys().next().value as string);
  const until = Math.min(now.getTime() + SESSION_CACHE_TTL_MS, row.expires_at.getTime());
  sessionCache.set(key, { auth, userId: row.user_id, until });
  return auth;
}

/** A token acts for its owner, limited to the scopes it was given that the owner's role and duties still allow. */
export async function authenticateApiToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<Authenticated | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.organization_id',
      'api_tokens.user_id',
      'api_tokens.scopes',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      'users.role',
      'users.duties',
      'users.status',
    ])
    .where('api_tokens.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.expires_at <= now || row.status !== 'active') return undefined;
  const role = roleSchema.parse(row.role);
  const scopes = row.scopes.flatMap((s) => {
    const p = permissionSchema.safeParse(s);
    return p.success ? [p.data] : [];
  });
  const held = permissionsOf(role, row.duties);
  const permissions = new Set<Permission>(scopes.filter((s) => held.has(s)));
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return {
    organizationId: row.organization_id,
    actor: { type: 'token', userId: row.user_id, tokenId: row.id, role, permissions },
  };
}
