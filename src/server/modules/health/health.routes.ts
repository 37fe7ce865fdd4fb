import { sql } from 'kysely';
import { z } from 'zod';
import { pendingMigrations } from '../../kernel/db/migrate.js';
import type { RouteModule } from '../../kernel/http/app.js';

const healthSchema = z.object({ status: z.enum(['ok', 'unavailable']), reason: z.string().optional() });

export const registerHealthRoutes: RouteModule = (app, { db }) => {
  const tags = ['health'];
  app.get(
    '/healthz',
    {
      config: { access: 'public', rateLimit: false },
      schema: { tags, summary: 'Liveness: the process answers', response: { 200: healthSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public', rateLimit: false },
      schema: {
        tags,
        summary: 'Readiness: the database answers and is fully migrated',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (req, reply) => {
      try {
        await sql`select 1`.execute(db);
        const pending = await pendingMigrations(db);
        if (pending.length)
          return reply
            .status(503)
            .send({ status: 'unavailable', reason: `${pending.length} migration(s) pending` });
        return { status: 'ok' as const };
      } catch (err) {
        req.log.warn({ err }, 'readiness check failed');
        return reply.status(503).send({ status: 'unavailable', reason: 'database unavailable' });
      }
    },
  );
};
