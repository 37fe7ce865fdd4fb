export { startCampaign } from './campaigns.service.js';
export { sendPolicyReminders } from './policies.jobs.js';
export { policiesModule } from './policies.module.js';
export { createPolicy, listPolicies } from './policies.service.js';
export { addDays, isoDay } from './policy-dates.js';
export { approveVersion, createDraft, publishVersion, submitVersion } from './versions.service.js';
