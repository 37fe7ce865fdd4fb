export { activityJobs, openActivityTasks } from './activities.jobs.js';
export { registerActivityRoutes } from './activities.routes.js';
export { createActivity } from './activities.service.js';
export { completeActivityTask } from './activity-completion.js';
export { escalateOverdueTasks } from './activity-escalation.js';
