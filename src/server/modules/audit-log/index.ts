export { auditLogModule } from './audit-log.module.js';
