import { defineModule } from '../../kernel/module.js';
import { registerUsersRoutes } from './users.routes.js';

export const usersModule = defineModule({
  name: 'users',
  routes: [registerUsersRoutes],
  routeAccess: {
    'GET /api/users': 'users.read',
    'POST /api/users/invitations': 'users.manage',
    'PATCH /api/users/:id': 'users.manage',
    'GET /api/users/:id/framework-scope': 'users.read',
    'PUT /api/users/:id/framework-scope': 'users.manage',
  },
  tables: [
    { name: 'users', orderBy: 'id' },
    { name: 'user_invitations', orderBy: 'id' },
    { name: 'auditor_framework_scopes', orderBy: 'user_id, framework_id' },
  ],
});
