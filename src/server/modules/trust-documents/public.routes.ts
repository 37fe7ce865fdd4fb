import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ndaAcceptanceSchema, publicRequestSchema } from '../../../contracts/trust-documents.js';
import type { ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { assertPublicFormAllowed } from '../../kernel/mail/index.js';
import { getSettings, isCustomDomain, publicContext, type RenderedPage } from '../trust-center/index.js';
import { openSignInLink, requestSignInLink } from './access.service.js';
import { publishedDocuments } from './documents.repository.js';
import { downloadDocument, visitorDocuments } from './downloads.service.js';
import { accessPage, BASE, documentsPage, messagePage, ndaPage, signInPage } from './public-pages.js';
import {
  acceptNda,
  type ClientInfo,
  type RequestStep,
  submitRequest,
  verifyRequest,
} from './requests.service.js';
import { sendPdf } from './trust-documents.download.js';

export const VISITOR_COOKIE = 'tillit_trust_visitor';
const access = 'public' as const;
const hidden = { hide: true };
const tokenQuery = z.object({ token: z.string().max(200).default('') });
const tokenBody = z.strictObject({ token: z.string().max(200) });
const emailBody = z.strictObject({ email: z.email('must be an e-mail address').max(254) });
const idParams = z.strictObject({ id: z.uuid() });

function send(reply: FastifyReply, page: RenderedPage, status = 200) {
  return reply
    .status(status)
    .header('content-security-policy', page.csp)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page.html);
}

/** Form fields; a repeated name (the document check boxes) becomes a list. */
function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return out;
}

const clientOf = (req: FastifyRequest): ClientInfo => ({
  ip: req.ip ?? null,
  userAgent: req.headers['user-agent']?.slice(0, 500) ?? null,
});

const invalidLink = (s: Awaited<ReturnType<typeof getSettings>>) =>
  messagePage(s, 'Link not valid', '<p>This link is unknown, was already used or has expired.</p>');

async function stepPage(ctx: ServiceContext, token: string, step: RequestStep): Promise<RenderedPage> {
  const s = await getSettings(ctx);
  if (step.step === 'nda') return ndaPage(s, token, step.ndaText, step.ndaVersion);
  if (step.step === 'approved') {
    return messagePage(s, 'Access granted', '<p>We have e-mailed you a sign-in link to your documents.</p>');
  }
  if (step.step === 'rejected')
    return messagePage(s, 'Request declined', '<p>We have e-mailed you about it.</p>');
  return messagePage(
    s,
    'Request received',
    '<p>Thank you. We will review your request and e-mail you a sign-in link once it is approved.</p>',
  );
}

/** The public documents pages and forms; urlencoded bodies are parsed only in this scope. */
export const registerTrustDocumentPublicRoutes: RouteModule = (app, { db, config, files }) => {
  const limited = { access, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } };
  const cookieOptions = (expires: Date) => ({
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.secureCookies,
    path: '/trust',
    expires,
  });
  // On the trust center's custom domain the navigation links to `/documents`; the pages live under /trust,
  // where the visitor cookie is scoped.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || req.url.split('?')[0] !== '/documents') return;
    if (await isCustomDomain(db, req.headers.host)) return reply.redirect(BASE, 302);
  });
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_req, body, done) => done(null, parseForm(String(body))),
    );
    scope.get(BASE, { config: { access }, schema: hidden }, async (req, reply) => {
      const ctx = await publicContext(db, req.headers.host);
      return send(reply, documentsPage(await getSettings(ctx), await publishedDocuments(ctx)));
    });
    scope.get(
      `${BASE}/:id/download`,
      // Each download renders and watermarks a PDF and is recorded: limited like the forms.
      { config: limited, schema: { ...hidden, params: idParams } },
      async (req, reply) => {
        const ctx = await publicContext(db, req.headers.host);
        const file = await downloadDocument(
          ctx,
          req.params.id,
          req.cookies[VISITOR_COOKIE],
          clientOf(req),
          files,
        ).catch(async (err: unknown) => {
          if (!(err instanceof AppError) || err.code !== 'FORBIDDEN') throw err;
          const page = messagePage(await getSettings(ctx), 'Download refused', `<p>${err.message}.</p>`);
          send(reply, page, 403);
          return undefined;
        });
        if (!file) return reply;
        return sendPdf(reply, file.name, file.bytes);
      },
    );
    scope.post(
      `${BASE}/requests`,
      { config: limited, schema: { ...hidden, body: publicRequestSchema } },
      async (req, reply) => {
        const ctx = await publicContext(db, req.headers.host);
        await assertPublicFormAllowed(db, ctx.organizationId, req.ip, config.loginRateLimitPerMinute);
        await submitRequest(ctx, req.body, config.publicUrl);
        const page = messagePage(
          await getSettings(ctx),
          'Check your e-mail',
          '<p>We have sent you a link. Your request goes ahead when you open it.</p>',
        );
        return send(reply, page);
      },
    );
    scope.get(
      `${BASE}/verify`,
      { config: { access }, schema: { ...hidden, querystring: tokenQuery } },
      async (req, reply) => {
        const ctx = await publicContext(db, req.headers.host);
        const step = req.query.token
          ? await verifyRequest(ctx, req.query.token, config.publicUrl)
          : undefined;
        if (!step) return send(reply, invalidLink(await getSettings(ctx)), 404);
        return send(reply, await stepPage(ctx, req.query.token, step));
      },
    );
    scope.post(
      `${BASE}/nda`,
      { config: limited, schema: { ...hidden, body: ndaAcceptanceSchema } },
      async (req, reply) => {
        const ctx = await publicContext(db, req.headers.host);
        const step = await acceptNda(ctx, req.body, clientOf(req), config.publicUrl);
        if (!step) return send(reply, invalidLink(await getSettings(ctx)), 404);
        return send(reply, await stepPage(ctx, req.body.token, step));
      },
    );
    scope.get(
      `${BASE}/sign-in`,
      { config: { access }, schema: { ...hidden, querystring: tokenQuery } },
      async (req, reply) => {
        const ctx = await publicContext(db, req.headers.host);
        return send(reply, signInPage(await getSettings(ctx), req.query.token));
      },
    );
    scope.post(
      `${BASE}/sign-in`,
      { config: limited, schema: { ...hidden, body: tokenBody } },
      async (req, reply) => {
        const ctx = await publicContext(db, req.headers.host);
        // Another site must not sign a visitor in to someone else's documents (login CSRF).
        if (req.headers['sec-fetch-site'] === 'cross-site') {
          const html = '<p>Open the sign-in link from your e-mail again.</p>';
          return send(reply, messagePage(await getSettings(ctx), 'Sign-in refused', html), 403);
        }
        const session = await openSignInLink(ctx, req.body.token);
        if (!session) return send(reply, invalidLink(await getSettings(ctx)), 404);
        return reply
          .setCookie(VISITOR_COOKIE, session.token, cookieOptions(session.expiresAt))
          .redirect(`${BASE}/access`, 303);
      },
    );
    scope.get(`${BASE}/access`, { config: { access }, schema: hidden }, async (req, reply) => {
      const ctx = await publicContext(db, req.headers.host);
      const visitor = await visitorDocuments(ctx, req.cookies[VISITOR_COOKIE]);
      const s = await getSettings(ctx);
      if (!visitor) {
        const html = `<p>You are not signed in, or your access has ended or was revoked. Ask for a new sign-in link on <a href="${BASE}">the documents page</a>.</p>`;
        return send(
          reply.clearCookie(VISITOR_COOKIE, { path: '/trust' }),
          messagePage(s, 'Not signed in', html),
          403,
        );
      }
      return send(reply, accessPage(s, visitor));
    });
    scope.post(
      `${BASE}/sign-in-links`,
      { config: limited, schema: { ...hidden, body: emailBody } },
      async (req, reply) => {
        const ctx = await publicContext(db, req.headers.host);
        await assertPublicFormAllowed(db, ctx.organizationId, req.ip, config.loginRateLimitPerMinute);
        await requestSignInLink(ctx, req.body.email, config.publicUrl);
        const html =
          '<p>If that address has access to documents, we have e-mailed it a new sign-in link.</p>';
        return send(reply, messagePage(await getSettings(ctx), 'Check your e-mail', html));
      },
    );
  });
};
