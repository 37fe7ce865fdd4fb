export { incidentJobs, sendReportReminders } from './incidents.jobs.js';
export { registerIncidentRoutes } from './incidents.routes.js';
export { registerPublicStatusRoutes } from './public-status.routes.js';
