import { z } from 'zod';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { type PageName, renderFor } from './public.routes.js';
import { trustCenterPolicy as policy } from './trust-center.policy.js';

const BASE = '/api/trust-center/preview';
const pages: [string, PageName][] = [
  ['', 'overview'],
  ['/faq', 'faq'],
  ['/subprocessors', 'subprocessors'],
];
const BANNER =
  '<p class="status" role="status">Preview for staff: this is what visitors will see once the trust center is published.</p>';

/**
 * Staff preview of the public pages as they would look now, published or not; never cached, and marked as a
 * preview at the top of the page.
 */
export const registerTrustPreviewRoutes: RouteModule = (app, { db }) => {
  for (const [path, name] of pages) {
    app.get(
      `${BASE}${path}`,
      {
        config: { access: policy.read },
        schema: {
          tags: ['trust-center'],
          summary: `Preview the public trust center's ${name} page (HTML), published or not`,
          querystring: z.strictObject({ lang: z.string().max(16).optional() }),
          produces: ['text/html'],
        },
      },
      async (req, reply) => {
        const { page } = await renderFor(contextOf(req, db), req, name, BASE);
        return reply
          .header('content-security-policy', page.csp)
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(page.html.replace('<main id="main">', `<main id="main">\n${BANNER}`));
      },
    );
  }
};
