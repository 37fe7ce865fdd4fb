export {
  evidenceState,
  evidenceStatesOf,
  hasEvidence,
  hasFreshEvidence,
  isFailing,
} from './control-health.js';
export { registerControlRoutes } from './controls.routes.js';
export { listControls } from './controls.service.js';
