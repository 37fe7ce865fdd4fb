import type { Kysely } from 'kysely';
import { sha256Hex } from '../auth/secrets.js';
import type { ServiceContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';

/** At most this many mails from public forms reach one address per hour, whoever asks for them. */
export const PUBLIC_MAILS_PER_RECIPIENT_PER_HOUR = 3;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Counters of windows older than this are pruned, a few at a time, as new hits arrive. */
const KEEP_MS = 24 * HOUR;
const PRUNE_BATCH = 100;

/**
 * Counts one hit of `key` in `bucket` for the current fixed window and returns the window's count including
 * it. The counters live in PostgreSQL (one atomic upsert), so every API process behind a load balancer
 * shares them; inside a transaction the hit counts only if the transaction commits.
 */
export async function countHit(
  db: Kysely<Database>,
  organizationId: string,
  bucket: string,
  key: string,
  windowMs: number,
  now = Date.now(),
): Promise<number> {
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const row = await db
    .insertInto('rate_limit_counters')
    .values({
      organization_id: organizationId,
      bucket,
      key_hash: sha256Hex(key),
      window_start: windowStart,
      hits: 1,
    })
    .onConflict((oc) =>
      oc
        .columns(['organization_id', 'bucket', 'key_hash', 'window_start'])
        .doUpdateSet((eb) => ({ hits: eb('rate_limit_counters.hits', '+', 1) })),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  await db
    .deleteFrom('rate_limit_counters')
    .where('window_start', '<', new Date(now - KEEP_MS))
    .where('key_hash', 'in', (eb) =>
      eb
        .selectFrom('rate_limit_counters')
        .select('key_hash')
        .where('window_start', '<', new Date(now - KEEP_MS))
        .limit(PRUNE_BATCH)
        .forUpdate()
        .skipLocked(),
    )
    .execute();
  return row.hits;
}

/**
 * Whether a public form may mail `to` once more this hour; counts the attempt in the caller's transaction.
 * Past the limit the form answers exactly as usual and sends nothing, so the answer reveals neither the
 * limit nor whether the address is known.
 */
export async function mayMailFromPublicForm(ctx: ServiceContext, to: string): Promise<boolean> {
  const hits = await countHit(ctx.db, ctx.organizationId, 'public-mail-recipient', to.toLowerCase(), HOUR);
  return hits <= PUBLIC_MAILS_PER_RECIPIENT_PER_HOUR;
}

/**
 * A client address may post public forms that send mail at most `perMinute` times a minute; past that the
 * request is refused with 429 before anything is looked up or written.
 */
export async function assertPublicFormAllowed(
  db: Kysely<Database>,
  organizationId: string,
  clientAddress: string,
  perMinute: number,
): Promise<void> {
  const hits = await countHit(db, organizationId, 'public-form-address', clientAddress, MINUTE);
  if (hits > perMinute) {
    throw new AppError('RATE_LIMITED', 'Too many requests from your address; try again in a minute');
  }
}
