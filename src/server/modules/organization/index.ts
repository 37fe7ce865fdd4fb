export { createLocation } from './location.service.js';
export { findOrganization } from './organization.repository.js';
export { registerOrganizationRoutes } from './organization.routes.js';
export { createOrganization } from './organization.service.js';
export { createService } from './service.service.js';
