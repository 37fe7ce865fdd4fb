import { defineModule } from '../../kernel/module.js';
import { registerAssetRoutes } from './assets.routes.js';

export const assetsModule = defineModule({
  name: 'assets',
  routes: [registerAssetRoutes],
  routeAccess: {
    'GET /api/assets': 'assets.read',
    'POST /api/assets': 'assets.manage',
    'GET /api/assets/:id': 'assets.read',
    'PATCH /api/assets/:id': 'assets.manage',
    'DELETE /api/assets/:id': 'assets.manage',
  },
  tables: [{ name: 'assets', orderBy: 'id' }],
});
