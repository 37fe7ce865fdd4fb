export { managementReviewModule } from './management-review.module.js';
