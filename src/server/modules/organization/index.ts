export { countryRules, inRegion, type Region, transferProblem } from './country-rules.js';
export { createLocation } from './location.service.js';
export { createService } from './offered-services.service.js';
export { findOrganizationOrUndefined } from './organization.repository.js';
export { registerOrganizationRoutes } from './organization.routes.js';
export { createOrganization } from './organization.service.js';
