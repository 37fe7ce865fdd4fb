import { sql } from 'kysely';
import type { ServiceContext } from '../context.js';
import { lockOrganizationRow } from './transaction.js';

/**
 * Serialises writers of one organisation that must see each other's rows (e.g. numbering, unique checks).
 * inTransaction already holds this lock (step 1 of the lock order in transaction.ts); calling it states
 * the dependency and covers transactions opened without it.
 */
export async function lockOrganization(ctx: ServiceContext): Promise<void> {
  await lockOrganizationRow(ctx.db, ctx.organizationId);
}

/** Tables whose rows carry a human reference such as CTL-001, with its prefix. */
const referencePrefixes = { controls: 'CTL', risks: 'RSK', nonconformities: 'NC' } as const;

/**
 * The next free reference (`CTL-001`, `RSK-014` …): the highest number in use plus one. Takes the
 * organisation lock, so two writers in parallel never get the same number.
 */
export async function nextReference(
  ctx: ServiceContext,
  table: keyof typeof referencePrefixes,
): Promise<string> {
  await lockOrganization(ctx);
  const prefix = referencePrefixes[table];
  const row = await sql<{ n: number | null }>`
    SELECT max(substring(ref FROM ${`^${prefix}-([0-9]{1,9})$`})::int) AS n FROM ${sql.table(table)}
    WHERE organization_id = ${ctx.organizationId}`.execute(ctx.db);
  return `${prefix}-${String(Number(row.rows[0]?.n ?? 0) + 1).padStart(3, '0')}`;
}
