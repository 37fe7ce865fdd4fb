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

export const findingStates = [
  'open',
  'in_progress',
  'fixed',
  'accepted',
  'false_positive',
  'not_affected',
] as const;
export const findingStateSchema = z.enum(findingStates);
export type FindingState = z.infer<typeof findingStateSchema>;

export const findingListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(200).optional(),
  severity: vulnerabilitySeveritySchema.optional(),
  /** `active`: open or in progress (the default view). */
  state: z.enum([...findingStates, 'active']).optional(),
  serviceId: z.uuid().optional(),
  assetId: z.uuid().optional(),
  targetId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type FindingListQuery = z.infer<typeof findingListQuerySchema>;

export const findingSummarySchema = z.object({
  id: z.string(),
  primaryId: z.string(),
  title: z.string(),
  severity: vulnerabilitySeveritySchema,
  state: findingStateSchema,
  packageName: z.string().nullable(),
  installedVersion: z.string().nullable(),
  fixedVersion: z.string().nullable(),
  kev: z.boolean(),
  target: z.object({ id: z.string(), name: z.string() }),
  asset: z.object({ id: z.string(), name: z.string() }).nullable(),
  service: z.object({ id: z.string(), name: z.string() }).nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  fixBy: z.string().nullable(),
  overdue: z.boolean(),
});
export type FindingSummary = z.infer<typeof findingSummarySchema>;

export const findingDetailSchema = findingSummarySchema.extend({
  identifiers: z.array(z.string()),
  cvssVector: z.string().nullable(),
  cvssScore: z.number().nullable(),
  epss: z.number().nullable(),
  scanner: z.string(),
  location: z.string().nullable(),
  stateReason: z.string().nullable(),
  vexJustification: z.string().nullable(),
  acceptance: z
    .object({
      approver: z.object({ id: z.string(), name: z.string() }),
      until: z.string(),
      riskId: z.string().nullable(),
    })
    .nullable(),
  fixedAt: z.string().nullable(),
  fixedByScanId: z.string().nullable(),
});
export type FindingDetail = z.infer<typeof findingDetailSchema>;

const reason = z.string().trim().min(3, 'Give a reason of at least 3 characters').max(2000);

/** A change of state by a person; `fixed` only comes from a scan that no longer reports the finding. */
export const findingStateChangeSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('open') }),
  z.strictObject({ state: z.literal('in_progress') }),
  z.strictObject({
    state: z.literal('accepted'),
    reason,
    until: z.iso.date('Dates are written YYYY-MM-DD, e.g. 2027-03-31'),
    /** The risk in the register this acceptance belongs to. */
    riskId: z.uuid(),
  }),
  z.strictObject({ state: z.literal('false_positive'), reason }),
  z.strictObject({ state: z.literal('not_affected'), justification: reason }),
]);
export type FindingStateChange = z.infer<typeof findingStateChangeSchema>;

export const scanImportSchema = z.object({
  scanId: z.string(),
  /** true when this very file had been imported before: nothing changed. */
  duplicate: z.boolean(),
  format: vulnerabilityFormatSchema,
  scanner: z.string(),
  scannedAt: z.string(),
  targets: z.number().int(),
  findings: z.number().int(),
  new: z.number().int(),
  reopened: z.number().int(),
  fixed: z.number().int(),
});
export type ScanImport = z.infer<typeof scanImportSchema>;

export const importFieldsSchema = z.strictObject({
  /** The image, host or repository scanned; required unless the report names it (Trivy, Grype) or its hosts. */
  target: z.string().trim().min(1).max(500).optional(),
});

export const vulnerabilitySlaSchema = z.strictObject({
  criticalDays: z.number().int().min(1).max(365),
  highDays: z.number().int().min(1).max(365),
  mediumDays: z.number().int().min(1).max(730),
  lowDays: z.number().int().min(1).max(1095).nullable(),
  kevDays: z.number().int().min(1).max(365),
});
export type VulnerabilitySla = z.infer<typeof vulnerabilitySlaSchema>;
export const defaultVulnerabilitySla: VulnerabilitySla = {
  criticalDays: 7,
  highDays: 30,
  mediumDays: 90,
  lowDays: null,
  kevDays: 14,
};

export const targetSchema = z.object({
  id: z.string(),
  name: z.string(),
  asset: z.object({ id: z.string(), name: z.string() }).nullable(),
  lastScannedAt: z.string().nullable(),
  openFindings: z.number().int(),
});
export type VulnerabilityTarget = z.infer<typeof targetSchema>;
export const targetPatchSchema = z.strictObject({ assetId: z.uuid().nullable() });

const bySeverity = z.object({ critical: z.number(), high: z.number(), medium: z.number(), low: z.number() });
export const vulnerabilityOverviewSchema = z.object({
  open: bySeverity,
  overdue: bySeverity,
  /** Open or in progress, per ISO week (Monday), oldest first. */
  trend: z.array(z.object({ week: z.string() }).extend(bySeverity.shape)),
});
export type VulnerabilityOverview = z.infer<typeof vulnerabilityOverviewSchema>;

const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

/** The audit events of vulnerability management (spread into auditActionSchemas). */
export const vulnerabilityAuditActions = {
  'vulnerability-scan.imported': z.strictObject({
    format: z.string(),
    scanner: z.string(),
    fileName: z.string(),
    scannedAt: z.string(),
    targets: z.number().int(),
    findings: z.number().int(),
    new: z.number().int(),
    reopened: z.number().int(),
    fixed: z.number().int(),
  }),
  'vulnerability.state-changed': z.strictObject({
    primaryId: z.string(),
    target: z.string(),
    from: z.string(),
    to: z.string(),
    reason: z.string().nullable(),
    until: z.string().nullable(),
    riskId: z.string().nullable(),
  }),
  'vulnerability-target.updated': z.strictObject({ name: z.string(), changes }),
  'vulnerability-sla.updated': z.strictObject({ changes }),
};
