import { type Kysely, sql } from 'kysely';
import type { ScannedFinding } from '../../../contracts/vulnerabilities.js';
import type { Database } from '../../kernel/db/schema.js';

/** Rows sent to the database in one statement while a report streams in. */
export const STAGING_BATCH = 2_000;

/**
 * Per-import scratch table, dropped at commit or rollback; holds the report's findings before the merge. A table
 * left by an earlier import in the same transaction (the demo imports a month of scans in one) is dropped first.
 */
export async function createStaging(db: Kysely<Database>): Promise<void> {
  await sql`DROP TABLE IF EXISTS pg_temp.vulnerability_import`.execute(db);
  await sql`
    CREATE TEMP TABLE vulnerability_import (
      target text,
      primary_id text NOT NULL,
      identifiers text NOT NULL,
      title text NOT NULL,
      package_name text,
      installed_version text,
      fixed_version text,
      severity text NOT NULL,
      cvss_vector text,
      cvss_score real,
      epss real,
      kev boolean NOT NULL,
      location text,
      vex_state text,
      vex_justification text
    ) ON COMMIT DROP`.execute(db);
}

const column = <T>(rows: ScannedFinding[], pick: (f: ScannedFinding) => T) => rows.map(pick);

/**
 * Writes a batch with one INSERT … SELECT FROM unnest(arrays): one parameter per column however many rows,
 * so a batch costs one round trip and one plan.
 */
export async function stageFindings(
  db: Kysely<Database>,
  rows: ScannedFinding[],
  targetOf: (f: ScannedFinding) => string | null,
): Promise<void> {
  if (rows.length === 0) return;
  const clampScore = (n: number | null, max: number) => (n === null || n < 0 || n > max ? null : n);
  await sql`
    INSERT INTO vulnerability_import
    SELECT * FROM unnest(
      ${column(rows, targetOf)}::text[],
      ${column(rows, (f) => f.identifiers[0] ?? '')}::text[],
      ${column(rows, (f) => f.identifiers.slice(0, 50).join('\n'))}::text[],
      ${column(rows, (f) => f.title)}::text[],
      ${column(rows, (f) => f.packageName)}::text[],
      ${column(rows, (f) => f.installedVersion)}::text[],
      ${column(rows, (f) => f.fixedVersion)}::text[],
      ${column(rows, (f) => f.severity)}::text[],
      ${column(rows, (f) => f.cvssVector)}::text[],
      ${column(rows, (f) => clampScore(f.cvssScore, 10))}::real[],
      ${column(rows, (f) => clampScore(f.epss, 1))}::real[],
      ${column(rows, (f) => f.kev)}::boolean[],
      ${column(rows, (f) => f.location)}::text[],
      ${column(rows, (f) => f.vex?.state ?? null)}::text[],
      ${column(rows, (f) => f.vex?.justification ?? null)}::text[]
    )`.execute(db);
}

export async function stagedWithoutTarget(db: Kysely<Database>): Promise<boolean> {
  const r = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM vulnerability_import WHERE target IS NULL`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

/** The targets the staged findings name, rows without one of their own counting as `reportTarget`. */
export async function stagedTargets(db: Kysely<Database>, reportTarget: string | null): Promise<string[]> {
  const r = await sql<{ target: string }>`
    SELECT DISTINCT coalesce(target, ${reportTarget}::text) AS target FROM vulnerability_import
    WHERE coalesce(target, ${reportTarget}::text) IS NOT NULL ORDER BY 1`.execute(db);
  return r.rows.map((row) => row.target);
}
