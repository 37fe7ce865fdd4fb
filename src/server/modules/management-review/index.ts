export { registerManagementReviewRoutes } from './management-review.routes.js';
