export { searchAudits } from './audit-search.js';
export { auditsModule } from './audits.module.js';
export { changeAuditStatus, createAudit } from './audits.service.js';
export { recordChecklistResult } from './checklist.service.js';
export { raiseFinding } from './findings.service.js';
export { createProgramme } from './programmes.service.js';
