import type { FindingDetail, FindingSummary } from '../../../contracts/vulnerabilities.js';
import type { FindingRow } from './findings.repository.js';

const named = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

export function presentFindingSummary(row: FindingRow): FindingSummary {
  return {
    id: row.id,
    primaryId: row.primary_id,
    title: row.title,
    severity: row.severity,
    state: row.state,
    packageName: row.package_name,
    installedVersion: row.installed_version,
    fixedVersion: row.fixed_version,
    kev: row.kev,
    target: { id: row.target_id, name: row.target_name },
    asset: named(row.asset_id, row.asset_name),
    service: named(row.service_id, row.service_name),
    firstSeenAt: row.first_seen_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    fixBy: row.fix_by_text,
    overdue: Boolean(row.overdue),
  };
}

export function presentFindingDetail(row: FindingRow): FindingDetail {
  return {
    ...presentFindingSummary(row),
    identifiers: row.identifiers,
    cvssVector: row.cvss_vector,
    cvssScore: row.cvss_score,
    epss: row.epss,
    scanner: row.scanner,
    location: row.location,
    stateReason: row.state_reason,
    vexJustification: row.vex_justification,
    acceptance:
      row.accepted_by && row.accepted_until_text
        ? {
            approver: { id: row.accepted_by, name: row.approver_name ?? '' },
            until: row.accepted_until_text,
            riskId: row.risk_id,
          }
        : null,
    fixedAt: row.fixed_at ? row.fixed_at.toISOString() : null,
    fixedByScanId: row.fixed_by_scan_id,
  };
}
