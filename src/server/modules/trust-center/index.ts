import type { RouteModule } from '../../kernel/http/app.js';
import { registerClaimRoutes } from './claims.routes.js';
import { registerFaqRoutes } from './faq.routes.js';
import { registerTrustPreviewRoutes } from './preview.routes.js';
import { registerTrustPublicRoutes as registerPages } from './public.routes.js';
import { registerTrustFormRoutes } from './public-forms.routes.js';
import { registerSubprocessorRoutes } from './subprocessors.routes.js';
import { registerTrustCenterRoutes as registerStaff } from './trust-center.routes.js';

/** Whether an FAQ entry is held back for review (alias `e` for faq_entries), for modules reusing answers. */
export { needsReviewSql } from './faq.repository.js';
/** Ids of FAQ entries held back because a claim they rest on fails: never cite them. */
export { entriesHeldByClaims } from './faq-claims.js';
export { searchFaqEntries } from './faq-search.js';

export { isCustomDomain, publicContext } from './public.service.js';
export { escapeHtml, type RenderedPage, renderPage } from './public-html.js';
export { messagePage } from './public-pages.js';
export { getSettings } from './settings.service.js';

export const registerTrustPublicRoutes: RouteModule = (app, deps) => {
  registerPages(app, deps);
  registerTrustFormRoutes(app, deps);
};

export const registerTrustCenterRoutes: RouteModule = (app, deps) => {
  registerStaff(app, deps);
  registerFaqRoutes(app, deps);
  registerSubprocessorRoutes(app, deps);
  registerTrustPreviewRoutes(app, deps);
  registerClaimRoutes(app, deps);
};
export { getClaims, replaceClaims } from './claims.service.js';
export { createEntry, createSection } from './faq.service.js';
export { createCertification, putSettings } from './settings.service.js';
export { createSubprocessor } from './subprocessors.service.js';
