import { defineModule } from '../../kernel/module.js';
import { registerOrganizationRoutes } from './organization.routes.js';

export const organizationModule = defineModule({
  name: 'organization',
  routes: [registerOrganizationRoutes],
  routeAccess: {
    'GET /api/organization': 'organization.read',
    'PATCH /api/organization': 'organization.manage',
    'GET /api/locations': 'organization.read',
    'POST /api/locations': 'organization.manage',
    'PATCH /api/locations/:id': 'organization.manage',
    'DELETE /api/locations/:id': 'organization.manage',
    'GET /api/services': 'organization.read',
    'POST /api/services': 'organization.manage',
    'PATCH /api/services/:id': 'organization.manage',
    'DELETE /api/services/:id': 'organization.manage',
  },
  tables: [
    { name: 'organizations', orderBy: 'id' },
    { name: 'locations', orderBy: 'id' },
    { name: 'services', orderBy: 'id' },
    { name: 'service_locations', orderBy: 'service_id, location_id' },
    { name: 'service_dr_pairings', orderBy: 'service_id, primary_location_id, dr_location_id' },
  ],
});
