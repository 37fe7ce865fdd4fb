import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import {
  apiTokenSchema,
  createTokenRequestSchema,
  createTokenResponseSchema,
} from '../../../contracts/tokens.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import { tokensPolicy as policy } from './tokens.policy.js';
import { createToken, listOwnTokens, revokeOwnToken } from './tokens.service.js';

export const registerTokensRoutes: RouteModule = (app, { db }) => {
  const tags = ['api tokens'];
  app.get(
    '/api/tokens',
    {
      config: { access: policy.manageOwn },
      schema: {
        tags,
        summary: 'Your API tokens',
        querystring: pageQuerySchema,
        response: { 200: pageOf(apiTokenSchema), ...errors },
      },
    },
    (req) => listOwnTokens(contextOf(req, db), req.query),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: policy.manageOwn },
      schema: {
        tags,
        summary: 'Create an API token; the secret is returned once',
        body: createTokenRequestSchema,
        response: { 201: createTokenResponseSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createToken(contextOf(req, db), req.body)),
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: policy.manageOwn },
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await revokeOwnToken(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
