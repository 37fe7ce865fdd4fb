import { defineModule } from '../../kernel/module.js';
import { registerQuestionnaireModuleRoutes } from './questionnaires.routes.js';

export const questionnairesModule = defineModule({
  name: 'questionnaires',
  routes: [registerQuestionnaireModuleRoutes],
  routeAccess: {
    // Security questionnaires answered from trust-center content: staff who manage it import, answer and export.
    'POST /api/questionnaires': 'trust-center.manage',
    'GET /api/questionnaires': 'trust-center.read',
    'GET /api/questionnaires/:id': 'trust-center.read',
    'GET /api/questionnaires/:id/preview': 'trust-center.read',
    'POST /api/questionnaires/:id/mapping': 'trust-center.manage',
    'POST /api/questionnaires/:id/proposals': 'trust-center.manage',
    'GET /api/questionnaires/:id/export': 'trust-center.manage',
    'GET /api/questionnaires/:id/items': 'trust-center.read',
    'PUT /api/questionnaires/:id/items/:itemId/answer': 'trust-center.manage',
    'POST /api/questionnaires/:id/items/:itemId/approve': 'trust-center.manage',
    'POST /api/questionnaires/:id/items/approve': 'trust-center.manage',
    'PATCH /api/questionnaires/:id': 'trust-center.manage',
    'DELETE /api/questionnaires/:id': 'trust-center.manage',
    'POST /api/questionnaires/:id/items/:itemId/not-applicable': 'trust-center.manage',
  },
  tables: [
    { name: 'questionnaires', orderBy: 'id' },
    { name: 'questionnaire_items', orderBy: 'id' },
  ],
  tablesNotBackedUp: {
    questionnaire_knowledge_index:
      'search vectors of the knowledge base, rebuilt from the sources when they change',
  },
});
