import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteAccess } from '../../../contracts/permissions.js';
import type { Authenticated } from '../auth/authenticate.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route: the permission it needs, or `public` / `authenticated`. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth?: Authenticated;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
