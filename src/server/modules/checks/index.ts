export { pushCheckResult, runCheck } from './check-runner.js';
export { runDueChecks } from './checks.jobs.js';
export { checksModule } from './checks.module.js';
export { createCheck } from './checks.service.js';
