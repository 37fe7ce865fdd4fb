import { defineModule } from '../../kernel/module.js';
import { registerControlRoutes } from './controls.routes.js';

export const controlsModule = defineModule({
  name: 'controls',
  routes: [registerControlRoutes],
  routeAccess: {
    'GET /api/controls': 'controls.read',
    'POST /api/controls': 'controls.manage',
    'GET /api/controls/:id': 'controls.read',
    'PATCH /api/controls/:id': 'controls.edit-own',
    'DELETE /api/controls/:id': 'controls.manage',
    'POST /api/controls/:id/requirements': 'controls.edit-own',
    'DELETE /api/controls/:id/requirements/:requirementId': 'controls.edit-own',
  },
  tables: [
    { name: 'controls', orderBy: 'id' },
    { name: 'control_requirements', orderBy: 'control_id, requirement_id' },
  ],
  tablesNotBackedUp: {
    control_evidence_summaries: 'rebuilt from evidence and checks',
  },
});
