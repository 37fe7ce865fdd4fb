import { defineModule } from '../../kernel/module.js';
import { registerNonconformityRoutes } from './nonconformities.routes.js';

export const nonconformitiesModule = defineModule({
  name: 'nonconformities',
  routes: [registerNonconformityRoutes],
  routeAccess: {
    'GET /api/nonconformities': 'nonconformities.read',
    'GET /api/nonconformities/counts': 'nonconformities.read',
    'POST /api/nonconformities': 'nonconformities.manage',
    'GET /api/nonconformities/:id': 'nonconformities.read',
    'PATCH /api/nonconformities/:id': 'nonconformities.manage',
    'POST /api/nonconformities/:id/status': 'nonconformities.manage',
    'POST /api/nonconformities/:id/actions': 'nonconformities.manage',
    // The action's owner marks it done; the service asks nonconformities.manage for anything else.
    'PATCH /api/corrective-actions/:id': 'nonconformities.complete-own',
    'POST /api/nonconformities/:id/verifications': 'nonconformities.manage',
  },
  tables: [
    { name: 'nonconformities', orderBy: 'id' },
    { name: 'corrective_actions', orderBy: 'id' },
    { name: 'nonconformity_verifications', orderBy: 'id' },
  ],
});
