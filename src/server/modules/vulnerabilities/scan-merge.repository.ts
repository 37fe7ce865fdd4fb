import { type Kysely, sql } from 'kysely';
import type { VulnerabilitySla } from '../../../contracts/vulnerabilities.js';
import type { Database } from '../../kernel/db/schema.js';

/** Days to fix by severity, KEV-listed ones at most kev_days; null where the SLA sets none. */
export function fixByDays(sla: VulnerabilitySla) {
  return sql<number | null>`CASE s.severity
      WHEN 'critical' THEN ${sla.criticalDays}::int
      WHEN 'high' THEN ${sla.highDays}::int
      WHEN 'medium' THEN ${sla.mediumDays}::int
      WHEN 'low' THEN ${sla.lowDays}::int
    END`;
}

/** Makes sure every staged target exists; returns their ids by name. */
export async function upsertTargets(
  db: Kysely<Database>,
  organizationId: string,
  names: string[],
  scannedAt: Date,
): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await sql<{ id: string; name: string }>`
    INSERT INTO vulnerability_targets (organization_id, name, last_scanned_at)
    SELECT ${organizationId}, n, ${scannedAt} FROM unnest(${names}::text[]) AS n
    ON CONFLICT (organization_id, name) DO UPDATE
      SET last_scanned_at = greatest(vulnerability_targets.last_scanned_at, EXCLUDED.last_scanned_at)
    RETURNING id, name`.execute(db);
  return new Map(rows.rows.map((r) => [r.name, r.id]));
}

/**
 * The report's findings once per fingerprint (target, primary identifier, package and location, so the same
 * weakness in the same place of the same target is one finding however often it is scanned), each with its
 * target's id and the finding it already is, if any: the one join with the findings that the counts, the
 * inserts and the updates all read. `reportTarget` names what rows without a target of their own scanned.
 */
export async function prepareMerge(
  db: Kysely<Database>,
  organizationId: string,
  reportTarget: string | null,
): Promise<void> {
  await sql`DROP TABLE IF EXISTS pg_temp.vulnerability_merge`.execute(db);
  // Sorting a large report's rows by fingerprint fits in memory instead of spilling to disk.
  await sql`SET LOCAL work_mem = '64MB'`.execute(db);
  await sql`
    CREATE TEMP TABLE vulnerability_merge ON COMMIT DROP AS
    WITH printed AS MATERIALIZED (
      SELECT n.*, encode(sha256(convert_to(concat_ws(E'\\x1f', n.target_name, n.primary_id,
        coalesce(n.package_name, ''), coalesce(n.location, '')), 'UTF8')), 'hex') AS fingerprint
      FROM (SELECT v.*, coalesce(v.target, ${reportTarget}::text) AS target_name FROM vulnerability_import v) n
    ), once AS (
      SELECT DISTINCT ON (fingerprint) * FROM printed ORDER BY fingerprint
    )
    SELECT s.*, t.id AS target_id, f.id AS known_id, f.state AS known_state,
      f.last_seen_at AS known_last_seen_at
    FROM once s
    JOIN vulnerability_targets t ON t.organization_id = ${organizationId} AND t.name = s.target_name
    LEFT JOIN vulnerability_findings f ON f.organization_id = ${organizationId} AND f.fingerprint = s.fingerprint`.execute(
    db,
  );
}

/** How many findings the report has, how many are new, and how many were fixed before and now reappear. */
export async function countChanges(db: Kysely<Database>, scannedAt: Date) {
  const r = await sql<{ total: number; new: number; reopened: number }>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE known_id IS NULL)::int AS new,
      count(*) FILTER (WHERE known_state = 'fixed' AND known_last_seen_at < ${scannedAt})::int AS reopened
    FROM vulnerability_merge`.execute(db);
  return r.rows[0] ?? { total: 0, new: 0, reopened: 0 };
}

/**
 * Inserts the new findings, then refreshes the known ones from a newer scan: a finding last seen at or after
 * this scan is left as it is (so importing a report again, or an older one, writes nothing); a fixed finding
 * that reappears is open again with a new fix-by date. Plain inserts, and updates by id, not an upsert: imports
 * of one organisation run one at a time (each holds the organisation's row lock), so no other transaction
 * can insert the same fingerprint meanwhile.
 */
export async function mergeFindings(
  db: Kysely<Database>,
  organizationId: string,
  scan: { id: string; scanner: string; scannedAt: Date },
  sla: VulnerabilitySla,
): Promise<void> {
  const fixBy = sql<string>`(${scan.scannedAt}::timestamptz AT TIME ZONE 'UTC')::date + CASE WHEN s.kev
    THEN least(${sla.kevDays}::int, coalesce(${fixByDays(sla)}, ${sla.kevDays}::int)) ELSE ${fixByDays(sla)} END`;
  await sql`
    INSERT INTO vulnerability_findings (
      organization_id, target_id, fingerprint, primary_id, identifiers, title, package_name, installed_version,
      fixed_version, severity, cvss_vector, cvss_score, epss, kev, scanner, location, state, state_reason,
      vex_justification, first_seen_at, last_seen_at, last_scan_id, fix_by)
    SELECT ${organizationId}::uuid, s.target_id, s.fingerprint, s.primary_id,
      string_to_array(s.identifiers, E'\\n'), s.title, s.package_name, s.installed_version, s.fixed_version,
      s.severity, s.cvss_vector, s.cvss_score, s.epss, s.kev, ${scan.scanner}, s.location,
      CASE s.vex_state WHEN 'not_affected' THEN 'not_affected' WHEN 'false_positive' THEN 'false_positive'
        ELSE 'open' END,
      CASE WHEN s.vex_state = 'false_positive' THEN coalesce(s.vex_justification, 'VEX: false positive') END,
      CASE WHEN s.vex_state = 'not_affected' THEN coalesce(s.vex_justification, 'VEX: not affected') END,
      ${scan.scannedAt}, ${scan.scannedAt}, ${scan.id}::uuid, ${fixBy}
    FROM vulnerability_merge s
    WHERE s.known_id IS NULL`.execute(db);
  await sql`
    UPDATE vulnerability_findings f SET
      title = s.title,
      identifiers = string_to_array(s.identifiers, E'\\n'),
      installed_version = s.installed_version,
      fixed_version = s.fixed_version,
      severity = s.severity,
      cvss_vector = s.cvss_vector,
      cvss_score = s.cvss_score,
      epss = s.epss,
      kev = s.kev,
      scanner = ${scan.scanner},
      last_seen_at = ${scan.scannedAt},
      last_scan_id = ${scan.id}::uuid,
      state = CASE WHEN f.state = 'fixed' THEN 'open' ELSE f.state END,
      fixed_at = NULL,
      fixed_by_scan_id = NULL,
      fix_by = CASE WHEN f.state = 'fixed' THEN ${fixBy} ELSE f.fix_by END,
      updated_at = now()
    FROM vulnerability_merge s
    WHERE f.id = s.known_id AND f.organization_id = ${organizationId}
      AND s.known_last_seen_at < ${scan.scannedAt} AND f.last_seen_at < ${scan.scannedAt}`.execute(db);
}

/**
 * Closes, as fixed by this scan, the open findings of the scanned targets that this newer scan no longer
 * reports. Returns how many.
 */
export async function closeMissing(
  db: Kysely<Database>,
  organizationId: string,
  scan: { id: string; scannedAt: Date },
  targetIds: string[],
): Promise<number> {
  if (targetIds.length === 0) return 0;
  const r = await db
    .updateTable('vulnerability_findings')
    .set({ state: 'fixed', fixed_at: scan.scannedAt, fixed_by_scan_id: scan.id, updated_at: sql`now()` })
    .where('organization_id', '=', organizationId)
    .where('target_id', 'in', targetIds)
    .where('state', 'in', ['open', 'in_progress'])
    .where('last_seen_at', '<', scan.scannedAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
