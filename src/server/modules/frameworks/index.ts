export { registerFrameworkRoutes } from './frameworks.routes.js';
export { installBuiltin } from './frameworks.service.js';
