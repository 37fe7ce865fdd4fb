import { defineModule } from '../../kernel/module.js';
import { incidentJobs } from './incidents.jobs.js';
import { registerIncidentRoutes } from './incidents.routes.js';
import { registerPublicStatusRoutes } from './public-status.routes.js';

export const incidentsModule = defineModule({
  name: 'incidents',
  routes: [registerIncidentRoutes, registerPublicStatusRoutes],
  // Any staff member reports and adds to the timeline of their own (the service checks whose); reading is
  // filtered per row (incidents.policy.ts); handling, reports, outages and the SLA take manage.
  routeAccess: {
    'GET /api/incidents': 'incidents.read',
    'POST /api/incidents': 'incidents.report',
    'GET /api/incidents/:id': 'incidents.read',
    'PATCH /api/incidents/:id': 'incidents.manage',
    'POST /api/incidents/:id/transition': 'incidents.manage',
    'POST /api/incidents/:id/timeline': 'incidents.report',
    'POST /api/incidents/:id/triage': 'incidents.manage',
    'POST /api/incidents/:id/review': 'incidents.manage',
    'POST /api/incidents/:id/publication': 'incidents.manage',
    'PATCH /api/incidents/:id/reports/:reportId': 'incidents.manage',
    'POST /api/incidents/:id/reports/:reportId/submit': 'incidents.manage',
    'POST /api/incidents/:id/reports/:reportId/corrections': 'incidents.manage',
    'GET /api/incidents/:id/reports/:reportId/export.md': 'incidents.read',
    'GET /api/incidents/:id/reports/:reportId/export.pdf': 'incidents.read',
    // Customer communication: the services' contacts and what customers were told. Both hold customers' e-mail
    // addresses (personal data), so only incident handlers read them.
    'GET /api/incidents/:id/notices': 'incidents.manage',
    'POST /api/incidents/:id/notices': 'incidents.manage',
    'GET /api/customer-contacts': 'incidents.manage',
    'POST /api/customer-contacts': 'incidents.manage',
    'DELETE /api/customer-contacts/:id': 'incidents.manage',
    'GET /api/incident-settings': 'incidents.read',
    'PUT /api/incident-settings': 'incidents.manage',
    'GET /api/outages': 'incidents.read',
    'POST /api/outages': 'incidents.manage',
    'POST /api/outages/:id/end': 'incidents.manage',
    'POST /api/outages/import/upptime': 'incidents.manage',
    'POST /api/outages/import/prometheus': 'incidents.manage',
    'POST /api/outages/import/gatus': 'incidents.manage',
    'POST /api/outages/import/uptime-kuma': 'incidents.manage',
    'GET /api/monitoring-network': 'incidents.read',
    // Only an administrator lets a user-given monitoring URL reach private networks (SSRF guard).
    'PUT /api/monitoring-network': 'incidents.admin',
    'GET /api/availability': 'incidents.read',
    'GET /api/sla-settings': 'incidents.read',
    'PUT /api/sla-settings': 'incidents.manage',
    // The public status page and its Statuspage-compatible JSON: published incidents and computed availability.
    'GET /status': 'public',
    'GET /status/api/v2/summary.json': 'public',
    'GET /status/api/v2/components.json': 'public',
    'GET /status/api/v2/incidents.json': 'public',
    'GET /status/history.atom': 'public',
  },
  jobs: ({ db, logger, publicUrl }) => incidentJobs(db, logger, publicUrl),
  tables: [
    { name: 'incident_settings', orderBy: 'organization_id' },
    { name: 'incidents', orderBy: 'id' },
    { name: 'incident_timeline', orderBy: 'id' },
    { name: 'incident_reports', orderBy: 'id' },
    { name: 'monitoring_imports', orderBy: 'id' },
    { name: 'outages', orderBy: 'id' },
    { name: 'customer_contacts', orderBy: 'id' },
    { name: 'incident_notices', orderBy: 'id' },
  ],
});
