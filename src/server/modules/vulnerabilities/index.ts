export { changeFindingState } from './findings.service.js';
export { importScan, type ScanUpload } from './scan-import.service.js';
export { mapTarget } from './targets.service.js';
export { vulnerabilitiesModule } from './vulnerabilities.module.js';
export { registerVulnerabilityRoutes } from './vulnerabilities.routes.js';
export { type CheckVerdict, fixByVerdict, scanAgeVerdict } from './vulnerability-checks.js';
