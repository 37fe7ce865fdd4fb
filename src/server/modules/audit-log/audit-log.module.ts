import { defineModule } from '../../kernel/module.js';
import { registerAuditLogRoutes } from './audit-log.routes.js';

export const auditLogModule = defineModule({
  name: 'audit-log',
  routes: [registerAuditLogRoutes],
  routeAccess: {
    'GET /api/audit-events': 'audit.read',
    'GET /api/audit-log/verification': 'audit.read',
    'POST /api/audit-log/checkpoints': 'audit.checkpoint',
    'GET /api/audit-log/consistency': 'audit.read',
    'GET /api/audit-events/:seq/inclusion': 'audit.read',
  },
});
