import { defineModule } from '../../kernel/module.js';
import { registerManagementReviewRoutes } from './management-review.routes.js';

export const managementReviewModule = defineModule({
  name: 'management-review',
  routes: [registerManagementReviewRoutes],
  routeAccess: {
    'GET /api/management-reviews': 'management-reviews.read',
    'POST /api/management-reviews': 'management-reviews.manage',
    'GET /api/management-reviews/:id': 'management-reviews.read',
    'POST /api/management-reviews/:id/assemble': 'management-reviews.manage',
    'POST /api/management-reviews/:id/actions': 'management-reviews.manage',
    'POST /api/management-reviews/:id/close': 'management-reviews.manage',
    'GET /api/management-reviews/:id/report.md': 'management-reviews.read',
    'GET /api/management-reviews/:id/report.pdf': 'management-reviews.read',
  },
  tables: [
    { name: 'management_reviews', orderBy: 'id' },
    { name: 'management_review_actions', orderBy: 'id' },
  ],
});
