import type { Kysely } from 'kysely';
import type { Permission, Role } from '../../contracts/permissions.js';
import type { Database } from './db/schema.js';
import { runTransaction } from './db/transaction.js';

export type ActorType = 'user' | 'token' | 'system';

export interface Actor {
  type: ActorType;
  userId: string | null;
  tokenId: string | null;
  role: Role | null;
  permissions: ReadonlySet<Permission>;
}

/** What every service receives: who acts, for which organisation, and the database to act on. */
export interface ServiceContext {
  db: Kysely<Database>;
  organizationId: string;
  actor: Actor;
}

export const systemActor: Actor = {
  type: 'system',
  userId: null,
  tokenId: null,
  role: null,
  permissions: new Set(),
};

/**
 * Runs `fn` in one transaction that locks the organisation row first (the lock order is documented in
 * db/transaction.ts) and is retried on deadlock or serialization failure; nested calls reuse the open
 * transaction.
 */
export async function inTransaction<T>(
  ctx: ServiceContext,
  fn: (tx: ServiceContext) => Promise<T>,
): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return runTransaction(ctx.db, ctx.organizationId, (trx) => fn({ ...ctx, db: trx }));
}
