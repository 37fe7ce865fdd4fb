import { publicControlListSchema, publicControlSetInputSchema } from '../../../contracts/public-controls.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors } from '../../kernel/http/route-schemas.js';
import { getPublicControls, replacePublicControls } from './public-controls.service.js';
import { trustCenterPolicy as policy } from './trust-center.policy.js';

export const registerPublicControlRoutes: RouteModule = (app, { db }) => {
  const tags = ['trust-center'];
  app.get(
    '/api/trust-center/public-controls',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary:
          'The controls shown on the public trust center, each with its live health and, for staff, why',
        response: { 200: publicControlListSchema, ...errors },
      },
    },
    async (req) => ({ controls: await getPublicControls(contextOf(req, db)) }),
  );
  app.put(
    '/api/trust-center/public-controls',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Replace which controls the public trust center shows, under which domain, in which order',
        body: publicControlSetInputSchema,
        response: { 200: publicControlListSchema, ...errors },
      },
    },
    async (req) => ({ controls: await replacePublicControls(contextOf(req, db), req.body) }),
  );
};
