import { defineModule } from '../../kernel/module.js';
import { checkJobs } from './checks.jobs.js';
import { registerCheckRoutes } from './checks.routes.js';

export const checksModule = defineModule({
  name: 'checks',
  routes: [registerCheckRoutes],
  routeAccess: {
    'GET /api/checks': 'checks.read',
    'POST /api/checks': 'checks.manage',
    'GET /api/checks/:id': 'checks.read',
    'PATCH /api/checks/:id': 'checks.manage',
    'DELETE /api/checks/:id': 'checks.manage',
    'POST /api/checks/:id/run': 'checks.report',
    'POST /api/checks/:id/results': 'checks.report',
    'GET /api/checks/:id/results': 'checks.read',
    'POST /api/metric-samples': 'checks.report',
    'GET /api/metric-samples': 'checks.read',
  },
  jobs: ({ db, logger }) => [...checkJobs(db, logger)],
  tables: [
    { name: 'checks', orderBy: 'id' },
    { name: 'check_controls', orderBy: 'check_id, control_id' },
    { name: 'metric_samples', orderBy: 'id' },
  ],
});
