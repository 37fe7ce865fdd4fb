import { z } from 'zod';

export const vulnerabilitySeverities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const vulnerabilitySeveritySchema = z.enum(vulnerabilitySeverities);
export type VulnerabilitySeverity = z.infer<typeof vulnerabilitySeveritySchema>;

export const vulnerabilityFormats = [
  'trivy',
  'grype',
  'sarif',
  'cyclonedx',
  'osv-scanner',
  'openvas',
  'nessus',
] as const;
export const vulnerabilityFormatSchema = z.enum(vulnerabilityFormats);
export type VulnerabilityFormat = z.infer<typeof vulnerabilityFormatSchema>;

/** What a VEX statement in the report says about a finding (CycloneDX `analysis`), when it says anything. */
export const vexStates = ['not_affected', 'false_positive', 'resolved', 'exploitable', 'in_triage'] as const;
export const vexStateSchema = z.enum(vexStates);
export type VexState = z.infer<typeof vexStateSchema>;

/**
 * One finding as a scanner reported it, normalised across formats. `identifiers` holds every id the report
 * gives (CVE, GHSA, OSV, vendor ids, `NESSUS-<plugin>`, `OPENVAS-<oid>`, SARIF rule ids), the primary one first.
 */
export interface ScannedFinding {
  identifiers: string[];
  title: string;
  /** Package or component; null for host findings without one. */
  packageName: string | null;
  installedVersion: string | null;
  fixedVersion: string | null;
  severity: VulnerabilitySeverity;
  cvssVector: string | null;
  cvssScore: number | null;
  /** EPSS probability 0..1 when the report carries it. */
  epss: number | null;
  /** Listed in CISA's Known Exploited Vulnerabilities catalogue, when the report says so. */
  kev: boolean;
  /** The host a network scanner found it on; null when the report is about one artifact (image, repository). */
  host: string | null;
  /** Where within the target: a lock file, a layer path, a port. */
  location: string | null;
  vex: { state: VexState; justification: string | null } | null;
}

/** What a report says about itself; complete once every finding has been read. */
export interface ScanReportInfo {
  format: VulnerabilityFormat;
  scanner: string;
  scannerVersion: string | null;
  /** When the scan ran (ISO 8601), when the report says. */
  scannedAt: string | null;
  /** The artifact scanned (image, repository, SBOM subject), when the report names one. */
  artifact: string | null;
}
