export { importScan, type ScanUpload } from './scan-import.service.js';
export { registerVulnerabilityRoutes } from './vulnerabilities.routes.js';
