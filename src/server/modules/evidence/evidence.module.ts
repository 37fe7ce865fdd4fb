import { defineModule } from '../../kernel/module.js';
import { registerEvidenceRoutes } from './evidence.routes.js';

export const evidenceModule = defineModule({
  name: 'evidence',
  routes: [registerEvidenceRoutes],
  routeAccess: {
    'GET /api/evidence': 'evidence.read',
    'POST /api/evidence/links': 'evidence.submit',
    'POST /api/evidence/files': 'evidence.submit',
    'GET /api/evidence/:id': 'evidence.read',
    'GET /api/evidence/:id/file': 'evidence.read',
    // Submitters change or remove their own evidence until it is reviewed; the service asks evidence.manage otherwise.
    'PATCH /api/evidence/:id': 'evidence.submit',
    'DELETE /api/evidence/:id': 'evidence.submit',
    'POST /api/evidence/:id/review': 'evidence.manage',
    'POST /api/evidence/:id/controls': 'evidence.submit',
    'DELETE /api/evidence/:id/controls/:controlId': 'evidence.submit',
  },
  tables: [
    { name: 'evidence', orderBy: 'id' },
    { name: 'evidence_controls', orderBy: 'evidence_id, control_id' },
  ],
});
