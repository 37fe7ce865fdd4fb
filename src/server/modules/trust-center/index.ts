/** Whether an FAQ entry is held back for review (alias `e` for faq_entries), for modules reusing answers. */

export { getClaims, replaceClaims } from './claims.service.js';
export { needsReviewSql } from './faq.repository.js';
export { createEntry, createSection } from './faq.service.js';
/** Ids of FAQ entries held back because a claim they rest on fails: never cite them. */
export { entriesHeldByClaims } from './faq-claims.js';
export { searchFaqEntries } from './faq-search.js';
export { isCustomDomain, publicContext } from './public.service.js';
export { getPublicControls, replacePublicControls } from './public-controls.service.js';
export { escapeHtml, type RenderedPage, renderPage } from './public-html.js';
export { messagePage } from './public-pages.js';
export {
  allCertifications,
  createCertification,
  getSettings,
  putSettings,
  updateCertification,
} from './settings.service.js';
export { createSubprocessor } from './subprocessors.service.js';
export { activeSubscribers, unsubscribeFooter } from './subscriptions.service.js';
export { trustCenterModule } from './trust-center.module.js';
