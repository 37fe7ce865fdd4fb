import { defineModule } from '../../kernel/module.js';
import { registerAuditRoutes } from './audits.routes.js';

export const auditsModule = defineModule({
  name: 'audits',
  routes: [registerAuditRoutes],
  routeAccess: {
    'GET /api/audit-programmes': 'audits.read',
    'POST /api/audit-programmes': 'audits.manage',
    'GET /api/audits': 'audits.read',
    'POST /api/audits': 'audits.manage',
    'GET /api/audits/:id': 'audits.read',
    'PATCH /api/audits/:id': 'audits.manage',
    'POST /api/audits/:id/status': 'audits.manage',
    'GET /api/audits/:id/checklist': 'audits.read',
    'PUT /api/audits/:id/checklist/:itemId': 'findings.raise',
    'GET /api/audits/:id/findings': 'audits.read',
    'POST /api/audits/:id/findings': 'findings.raise',
  },
  tables: [
    { name: 'audit_programmes', orderBy: 'id' },
    { name: 'audits', orderBy: 'id' },
    { name: 'audit_frameworks', orderBy: 'audit_id, framework_id' },
    { name: 'audit_services', orderBy: 'audit_id, service_id' },
    { name: 'audit_checklist_items', orderBy: 'audit_id, position' },
    { name: 'audit_findings', orderBy: 'id' },
  ],
});
