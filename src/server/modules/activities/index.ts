export { activityJobs, openActivityTasks } from './activities.jobs.js';
export { registerActivityRoutes } from './activities.routes.js';
export { escalateOverdueTasks } from './activity-escalation.js';
