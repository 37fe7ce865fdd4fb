import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteModule } from '../../kernel/http/app.js';
import { assertPublicFormAllowed } from '../../kernel/mail/index.js';
import { publicContext } from './public.service.js';
import { escapeHtml, type RenderedPage } from './public-html.js';
import { messagePage } from './public-pages.js';
import { getSettings } from './settings.service.js';
import { tokenParams } from './subprocessors.routes.js';
import { recordObjection } from './subprocessors.service.js';
import { subscribe, unsubscribe, verifySubscriber } from './subscriptions.service.js';

const BASE = '/trust';
const access = { access: 'public' as const };
const hidden = { hide: true };
const subscribeBody = z.object({ email: z.email('must be an e-mail address').max(254) });

function send(reply: FastifyReply, page: RenderedPage, status = 200) {
  return reply
    .status(status)
    .header('content-security-policy', page.csp)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page.html);
}

/** A link from a mail only shows this button; the POST it sends does the change (mail scanners follow links). */
const confirmForm = (question: string, action: string, button: string) =>
  `<p>${question}</p><form method="post" action="${action}"><button type="submit">${button}</button></form>`;

const invalidLink = '<p>This link is unknown or was already used.</p>';

/** Public forms of the sub-processor and changes pages; urlencoded bodies are parsed only in this scope. */
export const registerTrustFormRoutes: RouteModule = (app, { db, config }) => {
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    scope.post(
      '/trust/subprocessors/subscribe',
      { config: access, schema: { ...hidden, body: subscribeBody } },
      async (req, reply) => {
        const ctx = await publicContext(db, req.headers.host);
        await assertPublicFormAllowed(db, ctx.organizationId, req.ip, config.loginRateLimitPerMinute);
        await subscribe(ctx, req.body.email.toLowerCase(), config.publicUrl);
        const page = messagePage(
          await getSettings(ctx),
          BASE,
          'Check your e-mail',
          '<p>We have sent you a link. Your subscription starts when you open it.</p>',
        );
        return send(reply, page);
      },
    );
    scope.get(
      '/trust/subprocessors/verify/:token',
      { config: access, schema: { ...hidden, params: tokenParams } },
      async (req, reply) => {
        const ctx = await publicContext(db, req.headers.host);
        const ok = await verifySubscriber(ctx, req.params.token);
        const settings = await getSettings(ctx);
        return ok
          ? send(
              reply,
              messagePage(
                settings,
                BASE,
                'Subscription confirmed',
                '<p>You will be told about intended changes to our sub-processors and other changes on this trust center. Every message has a link to stop them.</p>',
              ),
            )
          : send(reply, messagePage(settings, BASE, 'Link not valid', invalidLink), 404);
      },
    );
    scope.get(
      '/trust/subprocessors/objections/:token',
      { config: access, schema: { ...hidden, params: tokenParams } },
      async (req, reply) => {
        const settings = await getSettings(await publicContext(db, req.headers.host));
        const form = confirmForm(
          'Object to the intended change you were told about?',
          `${BASE}/subprocessors/objections/${req.params.token}`,
          'Record my objection',
        );
        return send(reply, messagePage(settings, BASE, 'Object to a change', form));
      },
    );
    scope.post(
      '/trust/subprocessors/objections/:token',
      { config: access, schema: { ...hidden, params: tokenParams } },
      async (req, reply) => {
        const ctx = await publicContext(db, req.headers.host);
        const name = await recordObjection(ctx, req.params.token);
        const settings = await getSettings(ctx);
        return name
          ? send(
              reply,
              messagePage(
                settings,
                BASE,
                'Objection recorded',
                `<p>We have recorded your objection to the change concerning ${escapeHtml(name)}, with today's time, and will contact you.</p>`,
              ),
            )
          : send(
              reply,
              messagePage(
                settings,
                BASE,
                'Link not valid',
                '<p>This link is unknown or the objection was already recorded.</p>',
              ),
              404,
            );
      },
    );
    scope.get(
      '/trust/unsubscribe/:token',
      { config: access, schema: { ...hidden, params: tokenParams } },
      async (req, reply) => {
        const settings = await getSettings(await publicContext(db, req.headers.host));
        const form = confirmForm(
          'Stop the e-mails about changes on this trust center?',
          `${BASE}/unsubscribe/${req.params.token}`,
          'Unsubscribe',
        );
        return send(reply, messagePage(settings, BASE, 'Unsubscribe', form));
      },
    );
    scope.post(
      '/trust/unsubscribe/:token',
      { config: access, schema: { ...hidden, params: tokenParams } },
      async (req, reply) => {
        const ctx = await publicContext(db, req.headers.host);
        await assertPublicFormAllowed(db, ctx.organizationId, req.ip, config.loginRateLimitPerMinute);
        const ok = await unsubscribe(ctx, req.params.token);
        const settings = await getSettings(ctx);
        return ok
          ? send(
              reply,
              messagePage(
                settings,
                BASE,
                'Unsubscribed',
                '<p>You will get no more e-mails about changes on this trust center. You can subscribe again at any time.</p>',
              ),
            )
          : send(reply, messagePage(settings, BASE, 'Link not valid', invalidLink), 404);
      },
    );
  });
};
