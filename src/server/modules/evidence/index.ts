export {
  type CheckEvidence,
  latestCheckResult,
  listCheckResults,
  newestControlEvidence,
  recordCheckEvidence,
} from './check-evidence.js';
export { evidenceModule } from './evidence.module.js';
export { linkControls, resolveControls } from './evidence.repository.js';
export { addLinkEvidence, listEvidence } from './evidence.service.js';
export { sniffContentType } from './evidence.sniff.js';
export { safeFileName } from './evidence.upload.js';
