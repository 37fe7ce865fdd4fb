import { defineModule } from '../../kernel/module.js';
import { registerCampaignRoutes } from './campaigns.routes.js';
import { policyJobs } from './policies.jobs.js';
import { registerPolicyRoutes } from './policies.routes.js';

export const policiesModule = defineModule({
  name: 'policies',
  routes: [registerPolicyRoutes, registerCampaignRoutes],
  routeAccess: {
    'GET /api/policies': 'policies.read',
    'POST /api/policies': 'policies.manage',
    'GET /api/policies/:id': 'policies.read',
    'PATCH /api/policies/:id': 'policies.manage',
    'GET /api/policies/:id/versions': 'policies.read',
    'POST /api/policies/:id/versions': 'policies.manage',
    'GET /api/policies/:id/versions/:number': 'policies.read',
    'PATCH /api/policies/:id/versions/:number': 'policies.manage',
    'POST /api/policies/:id/versions/:number/submit': 'policies.manage',
    'POST /api/policies/:id/versions/:number/approve': 'policies.approve',
    'POST /api/policies/:id/versions/:number/publish': 'policies.manage',
    'POST /api/policies/:id/versions/:number/return': 'policies.approve',
    'GET /api/policies/:id/diff': 'policies.read',
    'POST /api/policies/:id/campaigns': 'policies.manage',
    'GET /api/policies/:id/campaigns': 'policies.read',
    'GET /api/policy-campaigns/:id': 'policies.read',
    // Who has and has not accepted is for the people running the campaign, not for everyone.
    'GET /api/policy-campaigns/:id/people': 'policies.manage',
    'POST /api/policy-campaigns/:id/remind': 'policies.manage',
    'GET /api/me/acknowledgements': 'policies.acknowledge',
    // Each person accepts for themselves; the service records the acting user.
    'POST /api/policies/:id/versions/:number/acknowledge': 'policies.acknowledge',
  },
  jobs: ({ db, logger }) => [...policyJobs(db, logger)],
  tables: [
    { name: 'policy_documents', orderBy: 'id' },
    { name: 'policy_versions', orderBy: 'id' },
    { name: 'policy_campaigns', orderBy: 'id' },
    { name: 'policy_campaign_targets', orderBy: 'campaign_id, user_id' },
    { name: 'policy_acknowledgements', orderBy: 'id' },
  ],
});
