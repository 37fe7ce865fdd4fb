import type { RouteModule } from '../../kernel/http/app.js';
import { registerCampaignRoutes } from './campaigns.routes.js';
import { registerPolicyRoutes } from './policies.routes.js';

export { policyJobs, sendPolicyReminders } from './policies.jobs.js';

export const registerPoliciesRoutes: RouteModule = (app, deps) => {
  registerPolicyRoutes(app, deps);
  registerCampaignRoutes(app, deps);
};
export { listPolicies } from './policies.service.js';
