import { claimListSchema, claimSetInputSchema } from '../../../contracts/claims.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors } from '../../kernel/http/route-schemas.js';
import { getClaims, replaceClaims } from './claims.service.js';
import { trustCenterPolicy as policy } from './trust-center.policy.js';

export const registerClaimRoutes: RouteModule = (app, { db }) => {
  const tags = ['trust-center'];
  app.get(
    '/api/trust-center/claims',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary:
          'Every public claim checked against the records now: rule, evidence, problems, last verified',
        response: { 200: claimListSchema, ...errors },
      },
    },
    async (req) => ({ claims: await getClaims(contextOf(req, db)) }),
  );
  app.put(
    '/api/trust-center/claims',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary:
          "Replace the organisation's stated positions (residency, transfers, encryption, restore tests…)",
        body: claimSetInputSchema,
        response: { 200: claimListSchema, ...errors },
      },
    },
    async (req) => ({ claims: await replaceClaims(contextOf(req, db), req.body) }),
  );
};
