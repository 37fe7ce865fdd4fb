import { defineModule } from '../../kernel/module.js';
import { registerFrameworkRoutes } from './frameworks.routes.js';

export const frameworksModule = defineModule({
  name: 'frameworks',
  routes: [registerFrameworkRoutes],
  routeAccess: {
    'GET /api/framework-library': 'frameworks.read',
    'GET /api/frameworks': 'frameworks.read',
    'POST /api/frameworks/builtin': 'frameworks.manage',
    'POST /api/frameworks/import': 'frameworks.manage',
    'GET /api/frameworks/:id': 'frameworks.read',
    'DELETE /api/frameworks/:id': 'frameworks.manage',
    'GET /api/frameworks/:id/requirements': 'frameworks.read',
    'POST /api/frameworks/:id/applicability': 'frameworks.manage',
    'GET /api/requirements/:id': 'frameworks.read',
    'PUT /api/requirements/:id/applicability': 'frameworks.manage',
    'GET /api/frameworks/:id/soa': 'frameworks.read',
    'GET /api/frameworks/:id/soa.xlsx': 'frameworks.read',
    'GET /api/frameworks/:id/soa.csv': 'frameworks.read',
    'GET /api/frameworks/:id/soa.pdf': 'frameworks.read',
    'GET /api/coverage': 'frameworks.read',
    'GET /api/frameworks/:id/coverage/requirements': 'frameworks.read',
    'POST /api/mappings/import': 'frameworks.manage',
    'GET /api/mappings.csv': 'frameworks.read',
    'GET /api/frameworks/:id/oscal-ssp.json': 'frameworks.read',
    'GET /api/services/:id/oscal-component-definition.json': 'frameworks.read',
  },
  tables: [
    { name: 'frameworks', orderBy: 'id' },
    // Parents come before their children in catalogue order, which the self-reference needs on restore.
    { name: 'requirements', orderBy: 'framework_id, position' },
    { name: 'requirement_mappings', orderBy: 'id' },
    { name: 'applicability', orderBy: 'requirement_id' },
  ],
});
