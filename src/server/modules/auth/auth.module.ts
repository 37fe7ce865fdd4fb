import { defineModule } from '../../kernel/module.js';
import { registerAuthRoutes } from './auth.routes.js';

export const authModule = defineModule({
  name: 'auth',
  routes: [registerAuthRoutes],
  routeAccess: {
    'POST /api/auth/login': 'public',
    'POST /api/auth/accept-invite': 'public',
    'GET /api/auth/session': 'authenticated',
    'POST /api/auth/logout': 'authenticated',
    'POST /api/auth/password': 'authenticated',
  },
  tablesNotBackedUp: {
    sessions: 'a restore signs everybody out',
  },
});
