export { checkJobs, runDueChecks } from './checks.jobs.js';
export { registerCheckRoutes } from './checks.routes.js';
