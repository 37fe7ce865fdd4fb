import { defineModule } from '../../kernel/module.js';
import { registerDocumentRoutes } from './documents.routes.js';
import { registerTrustDocumentPublicRoutes } from './public.routes.js';
import { registerRequestRoutes } from './requests.routes.js';

export const trustDocumentsModule = defineModule({
  name: 'trust-documents',
  routes: [registerDocumentRoutes, registerRequestRoutes, registerTrustDocumentPublicRoutes],
  routeAccess: {
    // Documents on request: the public pages and forms, then staff routes. Requests, grants and downloads
    // name visitors (personal data), so reading them takes trust-center.manage like deciding on them.
    'GET /trust/documents': 'public',
    'GET /trust/documents/:id/download': 'public',
    'POST /trust/documents/requests': 'public',
    'GET /trust/documents/verify': 'public',
    'POST /trust/documents/nda': 'public',
    'GET /trust/documents/sign-in': 'public',
    'POST /trust/documents/sign-in': 'public',
    'GET /trust/documents/access': 'public',
    'POST /trust/documents/sign-in-links': 'public',
    'GET /api/trust-documents': 'trust-center.read',
    'POST /api/trust-documents': 'trust-center.manage',
    'GET /api/trust-documents/:id/file': 'trust-center.read',
    'POST /api/trust-documents/generated': 'trust-center.manage',
    'PATCH /api/trust-documents/:id': 'trust-center.manage',
    'GET /api/trust-nda-versions': 'trust-center.read',
    'POST /api/trust-nda-versions': 'trust-center.manage',
    'GET /api/trust-auto-approval-rules': 'trust-center.read',
    'POST /api/trust-auto-approval-rules': 'trust-center.manage',
    'DELETE /api/trust-auto-approval-rules/:id': 'trust-center.manage',
    'GET /api/trust-document-requests': 'trust-center.manage',
    'POST /api/trust-document-requests/:id/approve': 'trust-center.manage',
    'POST /api/trust-document-requests/:id/reject': 'trust-center.manage',
    'GET /api/trust-access-grants': 'trust-center.manage',
    'POST /api/trust-access-grants/:id/revoke': 'trust-center.manage',
    'GET /api/trust-document-stats': 'trust-center.read',
    'GET /api/trust-document-downloads': 'trust-center.manage',
  },
  tables: [
    { name: 'trust_documents', orderBy: 'id' },
    { name: 'trust_nda_versions', orderBy: 'id' },
    { name: 'trust_auto_approval_rules', orderBy: 'id' },
    { name: 'trust_document_requests', orderBy: 'id' },
    { name: 'trust_document_request_items', orderBy: 'request_id, document_id' },
    { name: 'trust_access_grants', orderBy: 'id' },
    { name: 'trust_document_downloads', orderBy: 'id' },
  ],
  tablesNotBackedUp: {
    trust_visitor_sessions: 'a restore signs visitors out; those with a grant ask for a new link',
    trust_sign_in_links: 'one-time links; visitors with a grant ask for a new one',
  },
});
