export { noImpactTriage } from './incident-obligations.js';
export { submitReport, triageIncident } from './incident-reports.service.js';
export { publishIncident, reviewIncident } from './incident-review.service.js';
export { incidentJobs, sendReportReminders } from './incidents.jobs.js';
export { incidentsModule } from './incidents.module.js';
export { registerIncidentRoutes } from './incidents.routes.js';
export { reportIncident, transitionIncident } from './incidents.service.js';
export { recordOutage } from './outages.service.js';
export { registerPublicStatusRoutes } from './public-status.routes.js';
