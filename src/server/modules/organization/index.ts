export { countryRules, inRegion, type Region, transferProblem } from './country-rules.js';
export { createLocation } from './location.service.js';
export { createService } from './offered-services.service.js';
export { organizationModule } from './organization.module.js';
export { findOrganizationOrUndefined } from './organization.repository.js';
export { createOrganization } from './organization.service.js';
