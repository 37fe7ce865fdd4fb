import type { RouteModule } from '../../kernel/http/app.js';
import { registerCampaignRoutes } from './campaigns.routes.js';
import { registerPolicyRoutes } from './policies.routes.js';

export const registerPoliciesRoutes: RouteModule = (app, deps) => {
  registerPolicyRoutes(app, deps);
  registerCampaignRoutes(app, deps);
};
export { startCampaign } from './campaigns.service.js';
export { policyJobs, sendPolicyReminders } from './policies.jobs.js';
export { createPolicy, listPolicies } from './policies.service.js';
export { addDays, isoDay } from './policy-dates.js';
export { approveVersion, createDraft, publishVersion, submitVersion } from './versions.service.js';
