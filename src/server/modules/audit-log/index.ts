export { registerAuditLogRoutes } from './audit-log.routes.js';
