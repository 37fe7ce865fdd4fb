export { openActivityTasks } from './activities.jobs.js';
export { activitiesModule } from './activities.module.js';
export { createActivity } from './activities.service.js';
export { completeActivityTask } from './activity-completion.js';
export { escalateOverdueTasks } from './activity-escalation.js';
