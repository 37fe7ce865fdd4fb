import { defineModule } from '../../kernel/module.js';
import { registerObjectiveRoutes } from './objectives.routes.js';

export const objectivesModule = defineModule({
  name: 'objectives',
  routes: [registerObjectiveRoutes],
  routeAccess: {
    'GET /api/objectives': 'objectives.read',
    'POST /api/objectives': 'objectives.manage',
    'GET /api/objectives/:id': 'objectives.read',
    'POST /api/objectives/:id/kpis': 'objectives.manage',
    'GET /api/kpis/:id/measurements': 'objectives.read',
    // The objective's owner records measurements; the service asks objectives.manage for anyone else.
    'POST /api/kpis/:id/measurements': 'objectives.measure',
  },
  tables: [
    { name: 'objectives', orderBy: 'id' },
    { name: 'objective_kpis', orderBy: 'id' },
    { name: 'kpi_measurements', orderBy: 'id' },
  ],
});
