export { getRiskMatrix, levelSql } from './risk-matrix.service.js';
export { registerRiskRoutes } from './risks.routes.js';
export { createRisk, getRisk, listRisks } from './risks.service.js';
