export { registerIncidentRoutes } from './incidents.routes.js';
export { registerPublicStatusRoutes } from './public-status.routes.js';
