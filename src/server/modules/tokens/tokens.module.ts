import { defineModule } from '../../kernel/module.js';
import { registerTokensRoutes } from './tokens.routes.js';

export const tokensModule = defineModule({
  name: 'tokens',
  routes: [registerTokensRoutes],
  routeAccess: {
    'GET /api/tokens': 'tokens.manage-own',
    'POST /api/tokens': 'tokens.manage-own',
    'DELETE /api/tokens/:id': 'tokens.manage-own',
  },
  tables: [{ name: 'api_tokens', orderBy: 'id' }],
});
