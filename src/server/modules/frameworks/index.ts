export { computeCoverage } from './coverage.service.js';
export { frameworksModule } from './frameworks.module.js';
export { findFrameworkByKeyOrUndefined } from './frameworks.repository.js';
export { importFramework, installBuiltin, listFrameworks, listLibrary } from './frameworks.service.js';
export { importMappings } from './mappings.service.js';
export { listRequirements, setApplicabilityInBulk } from './requirements.service.js';
export type { SoaFormat } from './soa-export.service.js';
export { exportSoa, soaFormats } from './soa-export.service.js';
