import { defineModule } from '../../kernel/module.js';
import { vulnerabilityJobs } from './vulnerabilities.jobs.js';
import { registerVulnerabilityRoutes } from './vulnerabilities.routes.js';

export const vulnerabilitiesModule = defineModule({
  name: 'vulnerabilities',
  routes: [registerVulnerabilityRoutes],
  routeAccess: {
    'POST /api/vulnerability-scans': 'vulnerabilities.import',
    'GET /api/vulnerabilities': 'vulnerabilities.read',
    'GET /api/vulnerabilities/overview': 'vulnerabilities.read',
    'GET /api/vulnerabilities.csv': 'vulnerabilities.read',
    'GET /api/vulnerabilities.xlsx': 'vulnerabilities.read',
    'GET /api/vulnerabilities/:id': 'vulnerabilities.read',
    'PUT /api/vulnerabilities/:id/state': 'vulnerabilities.manage',
    'GET /api/vulnerability-targets': 'vulnerabilities.read',
    'PATCH /api/vulnerability-targets/:id': 'vulnerabilities.manage',
    'GET /api/vulnerability-sla': 'vulnerabilities.read',
    'PUT /api/vulnerability-sla': 'vulnerabilities.manage',
  },
  jobs: ({ db, logger, publicUrl }) => vulnerabilityJobs(db, logger, publicUrl),
  tables: [
    { name: 'vulnerability_sla', orderBy: 'organization_id' },
    { name: 'vulnerability_targets', orderBy: 'id' },
    { name: 'vulnerability_scans', orderBy: 'id' },
    { name: 'vulnerability_findings', orderBy: 'id' },
  ],
  tablesNotBackedUp: {
    vulnerability_import: 'a temporary table of one import, dropped at its commit or rollback',
  },
});
