export {
  evidenceState,
  evidenceStatesFromSummaries,
  evidenceStatesOf,
  hasEvidence,
  hasFreshEvidence,
  isFailing,
  newestEvidenceDate,
} from './control-health.js';
export { controlsModule } from './controls.module.js';
export { createControl, listControls } from './controls.service.js';
