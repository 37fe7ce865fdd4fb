import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/*
 * Lock order. Every audited transaction takes its locks in this order, so two writers of one
 * organisation never wait for each other in a cycle:
 *
 *   1. the organisation row, `SELECT … FROM organizations … FOR NO KEY UPDATE` — taken first, by
 *      runTransaction (and so by inTransaction for every service), before any other row is read for
 *      update or written;
 *   2. the rows the change touches (controls, risks, …), in whatever order the service needs;
 *   3. the audit-log head (`audit_log_heads`, locked by recordAuditEvent's upsert), held until commit.
 *
 * `FOR NO KEY UPDATE`, not `FOR UPDATE`: inserting any row that references the organisation takes a
 * KEY SHARE lock on the organisation row for the foreign key, which FOR UPDATE would block — including
 * in transactions that are not audited (sessions, job rows). A change that learns its organisation from
 * a row (e.g. accepting an invitation) reads that row without a lock first, then opens the transaction
 * with the organisation known. recordAuditEvent still takes the organisation lock if a transaction
 * reaches it without, before the head.
 *
 * Serialization failures and deadlocks that remain (transactions outside this order, a future
 * isolation level) are retried here a bounded number of times with jittered back-off.
 */

/** SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;
const BACKOFF_MS = 15;

const lockedOrganizations = new WeakMap<Kysely<Database>, Set<string>>();

export function isRetryableTransactionError(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    RETRYABLE.has(String((err as { code: unknown }).code))
  );
}

/**
 * Locks the organisation row for this transaction (step 1 of the lock order). Cheap when this
 * transaction already holds it. Does nothing for an empty id (an organisation being created).
 */
export async function lockOrganizationRow(trx: Kysely<Database>, organizationId: string): Promise<void> {
  if (!organizationId) return;
  const held = lockedOrganizations.get(trx) ?? new Set<string>();
  if (held.has(organizationId)) return;
  await trx
    .selectFrom('organizations')
    .select('id')
    .where('id', '=', organizationId)
    .forNoKeyUpdate()
    .execute();
  held.add(organizationId);
  lockedOrganizations.set(trx, held);
}

/**
 * Runs `fn` in one transaction that first locks the organisation row, retrying the whole transaction on
 * a serialization failure or deadlock (at most MAX_ATTEMPTS runs). Inside an open transaction `fn` runs
 * in it, without a retry of its own. `fn` must have no effects outside the database that a second run
 * would repeat wrongly.
 */
export async function runTransaction<T>(
  db: Kysely<Database>,
  organizationId: string | null,
  fn: (trx: Kysely<Database>) => Promise<T>,
  options: { isolationLevel?: 'repeatable read' | 'serializable' } = {},
): Promise<T> {
  if (db.isTransaction) {
    if (organizationId) await lockOrganizationRow(db, organizationId);
    return fn(db);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const begin = options.isolationLevel
        ? db.transaction().setIsolationLevel(options.isolationLevel)
        : db.transaction();
      return await begin.execute(async (trx: Transaction<Database>) => {
        if (organizationId) await lockOrganizationRow(trx, organizationId);
        return fn(trx);
      });
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableTransactionError(err)) throw err;
      await sleep(Math.random() * BACKOFF_MS * 2 ** attempt);
    }
  }
}
