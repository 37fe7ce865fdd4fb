export { findFrameworkByKey } from './frameworks.repository.js';
export { registerFrameworkRoutes } from './frameworks.routes.js';
export { installBuiltin } from './frameworks.service.js';
export { exportSoa, type SoaFormat, soaFormats } from './soa-export.service.js';
