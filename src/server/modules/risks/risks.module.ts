import { defineModule } from '../../kernel/module.js';
import { registerRiskRoutes } from './risks.routes.js';

export const risksModule = defineModule({
  name: 'risks',
  routes: [registerRiskRoutes],
  routeAccess: {
    'GET /api/risk-matrix': 'risks.read',
    'PUT /api/risk-matrix': 'risks.manage',
    'GET /api/risks/heatmap': 'risks.read',
    'GET /api/risks/overview': 'risks.read',
    'GET /api/risks/treatment-plan.xlsx': 'risks.read',
    'GET /api/risks/treatment-plan.pdf': 'risks.read',
    'GET /api/risks': 'risks.read',
    'POST /api/risks': 'risks.manage',
    'GET /api/risks/:id': 'risks.read',
    // Owners assess and treat their own risks; the service asks risks.manage for anyone else's.
    'PATCH /api/risks/:id': 'risks.edit-own',
    // The service admits only the approver named on the acceptance, in a signed-in session.
    'POST /api/risks/:id/acceptance/approve': 'risks.manage',
    'DELETE /api/risks/:id': 'risks.manage',
    'GET /api/risks/:id/history': 'risks.read',
  },
  tables: [
    { name: 'risk_matrices', orderBy: 'organization_id' },
    { name: 'risks', orderBy: 'id' },
    { name: 'risk_assets', orderBy: 'risk_id, asset_id' },
    { name: 'risk_controls', orderBy: 'risk_id, control_id' },
  ],
});
