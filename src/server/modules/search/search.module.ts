import { defineModule } from '../../kernel/module.js';
import { registerSearchRoutes } from './search.routes.js';

export const searchModule = defineModule({
  name: 'search',
  routes: [registerSearchRoutes],
  routeAccess: {
    'GET /api/search': 'authenticated',
  },
});
