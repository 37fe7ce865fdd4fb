import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { publicContext } from '../trust-center/index.js';
import { publicStatus } from './public-status.service.js';
import { renderAtom, renderStatusPage, statusPageCsp } from './public-status-pages.js';

const hide = { hide: true };

/**
 * The public status page and its Statuspage-compatible JSON, for the organisation whose trust center this
 * host serves (published trust centers only). Only published incidents appear, with their public updates.
 */
export const registerPublicStatusRoutes: RouteModule = (app, { db, config }) => {
  const load = async (req: FastifyRequest, database: Kysely<Database>) =>
    publicStatus(await publicContext(database, req.headers.host), `${config.publicUrl}`);
  const json = { config: { access: 'public' as const }, schema: hide };
  app.get('/status/api/v2/summary.json', json, async (req, reply) => {
    const s = await load(req, db);
    reply.header('cache-control', 'public, max-age=30');
    return {
      page: s.page,
      status: s.status,
      components: s.components,
      incidents: s.unresolvedIncidents,
      scheduled_maintenances: s.scheduledMaintenances,
    };
  });
  app.get('/status/api/v2/components.json', json, async (req, reply) => {
    const s = await load(req, db);
    reply.header('cache-control', 'public, max-age=30');
    return { page: s.page, components: s.components };
  });
  app.get('/status/api/v2/incidents.json', json, async (req, reply) => {
    const s = await load(req, db);
    reply.header('cache-control', 'public, max-age=30');
    return { page: s.page, incidents: s.incidents };
  });
  app.get('/status/history.atom', json, async (req, reply) => {
    const s = await load(req, db);
    return reply
      .header('cache-control', 'public, max-age=60')
      .type('application/atom+xml; charset=utf-8')
      .send(renderAtom(s));
  });
  app.get('/status', json, async (req, reply) => {
    const s = await load(req, db);
    return reply
      .header('content-security-policy', statusPageCsp)
      .header('cache-control', 'public, max-age=30')
      .type('text/html; charset=utf-8')
      .send(renderStatusPage(s));
  });
};
