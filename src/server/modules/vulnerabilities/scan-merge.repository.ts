import { type Kysely, sql } from 'kysely';
import type { VulnerabilitySla } from '../../../contracts/vulnerabilities.js';
import type { Database } from '../../kernel/db/schema.js';

/**
 * The finding's fingerprint: target, primary identifier, package and location, so the same weakness in the
 * same place of the same target is one finding however often it is scanned (versions may change; it stays).
 */
const FINGERPRINT = sql`encode(sha256(convert_to(concat_ws(E'\\x1f', s.target, s.primary_id, coalesce(s.package_name, ''), coalesce(s.location, '')), 'UTF8')), 'hex')`;

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

/** How many staged findings are new, and how many were fixed before and now reappear (counted before the merge). */
export async function countChanges(db: Kysely<Database>, organizationId: string, scannedAt: Date) {
  const r = await sql<{ total: number; new: number; reopened: number }>`
    WITH s AS (SELECT DISTINCT ${FINGERPRINT} AS fingerprint FROM vulnerability_import s)
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE f.id IS NULL)::int AS new,
      count(*) FILTER (WHERE f.state = 'fixed' AND f.last_seen_at < ${scannedAt})::int AS reopened
    FROM s LEFT JOIN vulnerability_findings f
      ON f.organization_id = ${organizationId} AND f.fingerprint = s.fingerprint`.execute(db);
  return r.rows[0] ?? { total: 0, new: 0, reopened: 0 };
}

/**
 * Inserts new findings and refreshes known ones from a newer scan in one statement: a finding last seen at or
 * after this scan is left as it is (so importing a report again, or an older one, changes nothing); a fixed
 * finding that reappears is open again with a new fix-by date.
 */
export async function mergeFindings(
  db: Kysely<Database>,
  organizationId: string,
  scan: { id: string; scanner: string; scannedAt: Date },
  sla: VulnerabilitySla,
): Promise<void> {
  await sql`
    INSERT INTO vulnerability_findings AS f (
      organization_id, target_id, fingerprint, primary_id, identifiers, title, package_name, installed_version,
      fixed_version, severity, cvss_vector, cvss_score, epss, kev, scanner, location, state, state_reason,
      vex_justification, first_seen_at, last_seen_at, last_scan_id, fix_by)
    SELECT DISTINCT ON (fingerprint) ${organizationId}::uuid, t.id, ${FINGERPRINT} AS fingerprint, s.primary_id,
      string_to_array(s.identifiers, E'\\n'), s.title, s.package_name, s.installed_version, s.fixed_version,
      s.severity, s.cvss_vector, s.cvss_score, s.epss, s.kev, ${scan.scanner}, s.location,
      CASE s.vex_state WHEN 'not_affected' THEN 'not_affected' WHEN 'false_positive' THEN 'false_positive'
        ELSE 'open' END,
      CASE WHEN s.vex_state = 'false_positive' THEN coalesce(s.vex_justification, 'VEX: false positive') END,
      CASE WHEN s.vex_state = 'not_affected' THEN coalesce(s.vex_justification, 'VEX: not affected') END,
      ${scan.scannedAt}, ${scan.scannedAt}, ${scan.id}::uuid,
      (${scan.scannedAt}::timestamptz AT TIME ZONE 'UTC')::date + CASE WHEN s.kev
        THEN least(${sla.kevDays}::int, coalesce(${fixByDays(sla)}, ${sla.kevDays}::int)) ELSE ${fixByDays(sla)} END
    FROM vulnerability_import s
    JOIN vulnerability_targets t ON t.organization_id = ${organizationId} AND t.name = s.target
    ORDER BY fingerprint
    ON CONFLICT (organization_id, fingerprint) DO UPDATE SET
      title = EXCLUDED.title,
      identifiers = EXCLUDED.identifiers,
      installed_version = EXCLUDED.installed_version,
      fixed_version = EXCLUDED.fixed_version,
      severity = EXCLUDED.severity,
      cvss_vector = EXCLUDED.cvss_vector,
      cvss_score = EXCLUDED.cvss_score,
      epss = EXCLUDED.epss,
      kev = EXCLUDED.kev,
      scanner = EXCLUDED.scanner,
      last_seen_at = EXCLUDED.last_seen_at,
      last_scan_id = EXCLUDED.last_scan_id,
      state = CASE WHEN f.state = 'fixed' THEN 'open' ELSE f.state END,
      fixed_at = NULL,
      fixed_by_scan_id = NULL,
      fix_by = CASE WHEN f.state = 'fixed' THEN EXCLUDED.fix_by ELSE f.fix_by END,
      updated_at = now()
    WHERE f.last_seen_at < EXCLUDED.last_seen_at`.execute(db);
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
