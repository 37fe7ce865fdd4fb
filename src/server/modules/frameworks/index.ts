export { registerFrameworkRoutes } from './frameworks.routes.js';
export { installBuiltin, listFrameworks } from './frameworks.service.js';
export { listRequirements } from './requirements.service.js';
