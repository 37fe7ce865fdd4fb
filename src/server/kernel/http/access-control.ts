import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../contracts/auth.js';
import type { RouteAccess } from '../../../contracts/permissions.js';
import { type Authenticated, authenticateApiToken, authenticateSession } from '../auth/authenticate.js';
import { safeEqual } from '../auth/secrets.js';
import type { ServiceContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import type { App } from './fastify-types.js';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function authenticate(
  db: Kysely<Database>,
  request: FastifyRequest,
): Promise<Authenticated | undefined> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const auth = match?.[1] ? await authenticateApiToken(db, match[1]) : undefined;
    if (!auth)
      throw new AppError('UNAUTHENTICATED', 'The API token is malformed, unknown, expired or revoked');
    return auth;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? authenticateSession(db, cookie) : undefined;
}

function assertCsrf(request: FastifyRequest, auth: Authenticated): void {
  if (!auth.session || SAFE_METHODS.has(request.method)) return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !safeEqual(sent, auth.session.csrfToken)) {
    throw new AppError(
      'CSRF_TOKEN_INVALID',
      `State-changing requests must send the session's ${CSRF_HEADER} header`,
    );
  }
}

/**
 * Every route must declare its access; a route without one fails at start-up. Authentication and
 * authorization run before the body is parsed, so unauthorised callers learn nothing from validation.
 */
export function installAccessControl(app: App, db: Kysely<Database>): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access)
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no access (config.access)`);
    for (const method of methods) routes.push({ method, url: route.url, access });
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    request.auth = await authenticate(db, request);
    if (access === 'public') return;
    const auth = request.auth;
    if (!auth) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token to use this route');
    assertCsrf(request, auth);
    if (access === 'authenticated' && auth.actor.type === 'token' && !SAFE_METHODS.has(request.method)) {
      throw new AppError('FORBIDDEN', 'Sign in to do this; no API token scope grants it');
    }
    if (access !== 'authenticated' && !auth.actor.permissions.has(access)) {
      throw new AppError('FORBIDDEN', `This needs the ${access} permission`);
    }
  });
  return routes;
}

/** The service context of an authenticated request. */
export function contextOf(request: FastifyRequest, db: Kysely<Database>): ServiceContext {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token to use this route');
  return { db, organizationId: request.auth.organizationId, actor: request.auth.actor };
}
