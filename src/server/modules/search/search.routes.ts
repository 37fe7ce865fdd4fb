import { searchQuerySchema, searchResultSchema } from '../../../contracts/search.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors } from '../../kernel/http/route-schemas.js';
import { searchPolicy as policy } from './search.policy.js';
import { search } from './search.service.js';

export const registerSearchRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/search',
    {
      config: { access: policy.search },
      schema: {
        tags: ['search'],
        summary:
          'Controls, requirements, risks, policies, evidence, FAQ answers, audits and people by reference or name; only what the reader may read',
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema, ...errors },
      },
    },
    (req) => search(contextOf(req, db), req.query),
  );
};
