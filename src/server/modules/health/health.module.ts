import { defineModule } from '../../kernel/module.js';
import { registerHealthRoutes } from './health.routes.js';

export const healthModule = defineModule({
  name: 'health',
  routes: [registerHealthRoutes],
  routeAccess: {
    'GET /healthz': 'public',
    'GET /readyz': 'public',
  },
});
