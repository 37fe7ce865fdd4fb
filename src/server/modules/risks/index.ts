export { getRiskMatrix, levelSql } from './risk-matrix.service.js';
export { risksModule } from './risks.module.js';
export { createRisk, getRisk, listRisks } from './risks.service.js';
