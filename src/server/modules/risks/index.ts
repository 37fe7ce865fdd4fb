export { registerRiskRoutes } from './risks.routes.js';
export { listRisks } from './risks.service.js';
