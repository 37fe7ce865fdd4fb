export { registerRiskRoutes } from './risks.routes.js';
