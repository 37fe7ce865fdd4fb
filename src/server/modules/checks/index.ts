export { runDueChecks } from './checks.jobs.js';
export { checksModule } from './checks.module.js';
