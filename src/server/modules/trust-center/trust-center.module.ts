import { defineModule } from '../../kernel/module.js';
import { registerClaimRoutes } from './claims.routes.js';
import { registerFaqRoutes } from './faq.routes.js';
import { registerTrustPreviewRoutes } from './preview.routes.js';
import { registerTrustPublicRoutes } from './public.routes.js';
import { registerPublicControlRoutes } from './public-controls.routes.js';
import { registerTrustFormRoutes } from './public-forms.routes.js';
import { registerSubprocessorRoutes } from './subprocessors.routes.js';
import { trustCenterJobs } from './trust-center.jobs.js';
import { registerTrustCenterRoutes } from './trust-center.routes.js';

export const trustCenterModule = defineModule({
  name: 'trust-center',
  routes: [
    registerTrustCenterRoutes,
    registerFaqRoutes,
    registerSubprocessorRoutes,
    registerTrustPreviewRoutes,
    registerClaimRoutes,
    registerPublicControlRoutes,
    registerTrustPublicRoutes,
    registerTrustFormRoutes,
  ],
  routeAccess: {
    // The public trust center: server-rendered pages and security.txt, readable without signing in.
    'GET /trust': 'public',
    'GET /trust/faq': 'public',
    'GET /trust/subprocessors': 'public',
    'GET /trust/changes': 'public',
    'GET /trust/changes.atom': 'public',
    'GET /.well-known/security.txt': 'public',
    'POST /trust/subprocessors/subscribe': 'public',
    'GET /trust/subprocessors/verify/:token': 'public',
    'GET /trust/subprocessors/objections/:token': 'public',
    'POST /trust/subprocessors/objections/:token': 'public',
    'GET /api/subprocessors': 'trust-center.read',
    'POST /api/subprocessors': 'trust-center.manage',
    'PUT /api/subprocessors/:id': 'trust-center.manage',
    'POST /api/subprocessors/:id/announcements': 'trust-center.manage',
    'GET /api/subprocessor-notifications': 'trust-center.read',
    'GET /api/subprocessor-subscribers': 'trust-center.read',
    'GET /api/trust-center/settings': 'trust-center.read',
    'PUT /api/trust-center/settings': 'trust-center.manage',
    'GET /api/trust-center/claims': 'trust-center.read',
    'PUT /api/trust-center/claims': 'trust-center.manage',
    'GET /api/trust-center/public-controls': 'trust-center.read',
    'PUT /api/trust-center/public-controls': 'trust-center.manage',
    'GET /api/trust-center/certifications': 'trust-center.read',
    'POST /api/trust-center/certifications': 'trust-center.manage',
    'PUT /api/trust-center/certifications/:id': 'trust-center.manage',
    'DELETE /api/trust-center/certifications/:id': 'trust-center.manage',
    'GET /api/faq/sections': 'trust-center.read',
    'POST /api/faq/sections': 'trust-center.manage',
    'DELETE /api/faq/sections/:id': 'trust-center.manage',
    'GET /api/faq/entries': 'trust-center.read',
    'POST /api/faq/entries': 'trust-center.manage',
    'PATCH /api/faq/entries/:id': 'trust-center.manage',
    'DELETE /api/faq/entries/:id': 'trust-center.manage',
    'POST /api/faq/entries/:id/confirm': 'trust-center.manage',
    'POST /api/faq/entries/:id/publish': 'trust-center.manage',
    'POST /api/faq/import/preview': 'trust-center.manage',
    'GET /api/trust-center/preview': 'trust-center.read',
    'GET /api/trust-center/preview/faq': 'trust-center.read',
    'GET /api/trust-center/preview/subprocessors': 'trust-center.read',
    'POST /api/faq/import': 'trust-center.manage',
    'GET /api/faq/export.md': 'trust-center.read',
    'GET /api/services/:id/security-chapter.md': 'trust-center.read',
  },
  jobs: ({ db, logger, publicUrl }) => trustCenterJobs(db, logger, publicUrl),
  tables: [
    { name: 'trust_center_settings', orderBy: 'organization_id' },
    { name: 'trust_certifications', orderBy: 'id' },
    { name: 'trust_claims', orderBy: 'id' },
    { name: 'trust_public_controls', orderBy: 'organization_id, position' },
    { name: 'trust_changelog', orderBy: 'id' },
    { name: 'trust_claim_states', orderBy: 'organization_id, claim_key' },
    { name: 'faq_sections', orderBy: 'id' },
    { name: 'faq_entries', orderBy: 'id' },
    { name: 'faq_hugo_pages', orderBy: 'language' },
    { name: 'faq_entry_controls', orderBy: 'entry_id, control_id' },
    { name: 'faq_entry_evidence', orderBy: 'entry_id, evidence_id' },
    { name: 'faq_entry_claims', orderBy: 'entry_id, claim_key' },
    { name: 'subprocessors', orderBy: 'id' },
    { name: 'subprocessor_subscribers', orderBy: 'id' },
    { name: 'subprocessor_notifications', orderBy: 'id' },
  ],
});
