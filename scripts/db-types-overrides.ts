// Column types the catalogue cannot tell: status-like text columns typed from the contracts' enums (the CHECK
// constraints in the migrations hold the same values), and jsonb columns whose shape is known. Keys are
// "table.column"; values are TypeScript type expressions (the generator adds `| null` for a nullable column; a
// column with a default must say Generated<…> itself). Names come from the imports below, written relative to
// src/server/kernel/db/.
const contracts = '../../../contracts';

export const columnOverrides = {
  imports: [
    `import type { Classification as AssetClassification } from '${contracts}/assets.js';`,
    `import type { FindingType } from '${contracts}/audits.js';`,
    `import type { MappingRelationship, RequirementKind } from '${contracts}/catalog.js';`,
    `import type { ReviewStatus } from '${contracts}/management-review.js';`,
    `import type { NcSeverity, NcSource, NcStatus } from '${contracts}/nonconformities.js';`,
    `import type { KpiDirection, ObjectiveArea } from '${contracts}/objectives.js';`,
    `import type { Role } from '${contracts}/permissions.js';`,
    `import type { Classification as PolicyClassification, PolicyKind, VersionStatus } from '${contracts}/policies.js';`,
    `import type { ItemStatus } from '${contracts}/questionnaires.js';`,
    `import type { RiskStatus, Treatment } from '${contracts}/risks.js';`,
    `import type { ControlStatus } from '${contracts}/soa.js';`,
    `import type { AccessLevel, DocumentKind, RequestStatus } from '${contracts}/trust-documents.js';`,
    `import type { FindingState, VulnerabilityFormat, VulnerabilitySeverity } from '${contracts}/vulnerabilities.js';`,
  ],
  columns: {
    'assets.classification': 'AssetClassification',
    'audit_events.data': 'JsonRecordColumn',
    'audit_findings.type': 'FindingType',
    'audit_verifications.problems': 'JsonOf<string[]>',
    'controls.status': 'ControlStatus',
    'management_reviews.status': 'Generated<ReviewStatus>',
    'nonconformities.severity': 'NcSeverity',
    'nonconformities.source': 'NcSource',
    'nonconformities.status': 'Generated<NcStatus>',
    'objective_kpis.direction': 'KpiDirection',
    'objectives.area': 'ObjectiveArea',
    'policy_documents.classification': 'PolicyClassification',
    'policy_documents.kind': 'PolicyKind',
    'policy_versions.status': 'VersionStatus',
    'questionnaire_items.status': 'Generated<ItemStatus>',
    'requirement_mappings.relationship': 'MappingRelationship',
    'requirements.kind': 'RequirementKind',
    'requirements.labels': 'JsonRecordColumn<string>',
    'risks.status': 'RiskStatus',
    'risks.treatment': 'Treatment',
    'vulnerability_findings.severity': 'VulnerabilitySeverity',
    'vulnerability_findings.state': 'Generated<FindingState>',
    'vulnerability_scans.format': 'VulnerabilityFormat',
    'trust_document_requests.status': 'RequestStatus',
    'trust_documents.access_level': 'AccessLevel',
    'trust_documents.kind': 'DocumentKind',
    'users.role': 'Role',
  } as Record<string, string>,
};
