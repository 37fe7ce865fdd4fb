import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  acceptInviteRequestSchema,
  changePasswordRequestSchema,
  loginRequestSchema,
  SESSION_COOKIE,
  sessionResponseSchema,
} from '../../../contracts/auth.js';
import type { Config } from '../../kernel/config/config.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, noContent } from '../../kernel/http/route-schemas.js';
import { authPolicy as policy } from './auth.policy.js';
import {
  acceptInvite,
  type ClientInfo,
  changePassword,
  describeSession,
  type StartedSession,
  signIn,
  signOut,
} from './auth.service.js';

const clientOf = (req: FastifyRequest): ClientInfo => ({
  ip: req.ip ?? null,
  userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
});

function setSessionCookie(reply: FastifyReply, config: Config, session: StartedSession) {
  reply.setCookie(SESSION_COOKIE, session.sessionToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    expires: session.expiresAt,
  });
  return session.response;
}

export const registerAuthRoutes: RouteModule = (app, { db, config }) => {
  const tags = ['auth'];
  const signInLimit = { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/api/auth/login',
    {
      config: { access: policy.signIn, rateLimit: signInLimit },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: loginRequestSchema,
        response: { 200: sessionResponseSchema, ...errors },
      },
    },
    async (req, reply) =>
      setSessionCookie(reply, config, await signIn(db, req.body, clientOf(req), config.sessionTtlHours)),
  );

  app.post(
    '/api/auth/accept-invite',
    {
      config: { access: policy.acceptInvite, rateLimit: signInLimit },
      schema: {
        tags,
        summary: 'Accept an invitation: set name and password, then sign in',
        body: acceptInviteRequestSchema,
        response: { 200: sessionResponseSchema, ...errors },
      },
    },
    async (req, reply) =>
      setSessionCookie(
        reply,
        config,
        await acceptInvite(db, req.body, clientOf(req), config.sessionTtlHours),
      ),
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: policy.session },
      schema: {
        tags,
        summary: 'The signed-in user, organisation, permissions and CSRF token',
        response: { 200: sessionResponseSchema, ...errors },
      },
    },
    (req) => describeSession(contextOf(req, db), req.auth?.session?.csrfToken ?? ''),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: policy.signOut },
      schema: { tags, summary: 'Sign out and end this session', response: { ...noContent, ...errors } },
    },
    async (req, reply) => {
      const session = req.auth?.session;
      if (session) await signOut(contextOf(req, db), session.id);
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: policy.changePassword, rateLimit: signInLimit },
      schema: {
        tags,
        summary: 'Change your password; ends your other sessions',
        body: changePasswordRequestSchema,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      const session = req.auth?.session;
      if (!session) {
        throw new AppError('FORBIDDEN', 'Change your password in a signed-in session, not with an API token');
      }
      await changePassword(contextOf(req, db), req.body, session.id);
      return reply.status(204).send(null);
    },
  );
};
