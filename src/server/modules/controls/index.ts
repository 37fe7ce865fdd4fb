export {
  evidenceState,
  evidenceStatesFromSummaries,
  evidenceStatesOf,
  hasEvidence,
  hasFreshEvidence,
  isFailing,
} from './control-health.js';
export { registerControlRoutes } from './controls.routes.js';
export { createControl, listControls } from './controls.service.js';
