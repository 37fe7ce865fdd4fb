import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ServiceContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors/app-error.js';
import type { RouteModule } from '../../kernel/http/app.js';
import {
  faqData,
  isCustomDomain,
  overviewData,
  publicContext,
  securityTxtData,
  subprocessorData,
} from './public.service.js';
import { changesAtom, changesData, changesPage } from './public-changes.js';
import type { RenderedPage } from './public-html.js';
import { overviewPage } from './public-overview.js';
import { faqPage, messagePage, securityTxt, subprocessorPage } from './public-pages.js';
import { getSettings } from './settings.service.js';

/** Cacheable by validators: the ETag is the body's hash, Last-Modified the latest change it shows. */
function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  { page, updatedAt }: { page: RenderedPage; updatedAt: Date },
) {
  const etag = `"${createHash('sha256').update(page.html).digest('base64url').slice(0, 27)}"`;
  reply
    .header('content-security-policy', page.csp)
    .header('etag', etag)
    .header('last-modified', updatedAt.toUTCString())
    .header('cache-control', 'public, max-age=60, must-revalidate');
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.type('text/html; charset=utf-8').send(page.html);
}

const hidden = { hide: true };

export type PageName = 'overview' | 'faq' | 'subprocessors' | 'changes';

/** The page for a host whose trust center is not published: an HTML page saying so, not an API error. */
async function notPublished(db: Kysely<Database>, req: FastifyRequest, reply: FastifyReply, base: string) {
  const ctx = await publicContext(db, req.headers.host, { published: false });
  const page = messagePage(
    await getSettings(ctx),
    base,
    'This trust center is not published yet',
    '<p>Its pages are being prepared. Staff can preview them in Tillit under Trust center.</p>',
  );
  reply.header('content-security-policy', page.csp).header('cache-control', 'no-store');
  return reply.status(404).type('text/html; charset=utf-8').send(page.html);
}

async function renderNamed(
  db: Kysely<Database>,
  req: FastifyRequest,
  reply: FastifyReply,
  name: PageName,
  base: string,
) {
  const ctx = await publicContext(db, req.headers.host).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!ctx) return notPublished(db, req, reply, base);
  return sendPage(req, reply, await renderFor(ctx, req, name, base));
}

/** Renders one of the trust center's pages for the organisation, published or not (staff preview). */
export async function renderFor(
  ctx: ServiceContext,
  req: FastifyRequest,
  name: PageName,
  base: string,
): Promise<{ page: RenderedPage; updatedAt: Date }> {
  if (name === 'overview') {
    const data = await overviewData(ctx);
    return { page: overviewPage(data, base), updatedAt: data.updatedAt };
  }
  if (name === 'faq') {
    const lang = new URL(req.url, 'http://x').searchParams.get('lang') ?? undefined;
    const data = await faqData(ctx, lang?.slice(0, 16));
    return { page: faqPage(data, base), updatedAt: data.updatedAt };
  }
  if (name === 'changes') {
    const data = await changesData(ctx);
    return { page: changesPage(data, base), updatedAt: data.updatedAt };
  }
  const data = await subprocessorData(ctx);
  return { page: subprocessorPage(data, base), updatedAt: data.updatedAt };
}

const customDomainPaths: Record<string, PageName> = {
  '/': 'overview',
  '/faq': 'faq',
  '/subprocessors': 'subprocessors',
  '/changes': 'changes',
};

export const registerTrustPublicRoutes: RouteModule = (app, { db, config }) => {
  const config_ = { access: 'public' as const };
  // On its custom domain the trust center is the whole site: `/`, `/faq` and `/subprocessors` are its pages.
  app.addHook('onRequest', async (req, reply) => {
    const name = customDomainPaths[req.url.split('?')[0] ?? ''];
    if (req.method !== 'GET' || !name || !(await isCustomDomain(db, req.headers.host))) return;
    return renderNamed(db, req, reply, name, '');
  });
  app.get('/trust', { config: config_, schema: hidden }, (req, reply) =>
    renderNamed(db, req, reply, 'overview', '/trust'),
  );
  app.get(
    '/trust/faq',
    {
      config: config_,
      schema: { ...hidden, querystring: z.object({ lang: z.string().max(16).optional() }) },
    },
    (req, reply) => renderNamed(db, req, reply, 'faq', '/trust'),
  );
  app.get('/trust/subprocessors', { config: config_, schema: hidden }, (req, reply) =>
    renderNamed(db, req, reply, 'subprocessors', '/trust'),
  );
  app.get('/trust/changes', { config: config_, schema: hidden }, (req, reply) =>
    renderNamed(db, req, reply, 'changes', '/trust'),
  );
  app.get('/trust/changes.atom', { config: config_, schema: hidden }, async (req, reply) => {
    const ctx = await publicContext(db, req.headers.host);
    const feed = changesAtom(await changesData(ctx), config.publicUrl, '/trust');
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(feed);
  });
  app.get('/.well-known/security.txt', { config: config_, schema: hidden }, async (req, reply) => {
    const org = await securityTxtData(await publicContext(db, req.headers.host, { published: false }));
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600');
    if (!org.security_contact_email) {
      return reply
        .status(404)
        .send(`${org.name} has not named a security contact, so there is no security.txt.\n`);
    }
    return reply.send(securityTxt(org.security_contact_email, config.publicUrl, new Date()));
  });
};
