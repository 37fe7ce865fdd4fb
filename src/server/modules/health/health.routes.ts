import { z } from 'zod';
import { MIN_FREE_BYTES } from '../../kernel/files/disk-space.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { pendingMigrationsOf } from './health.repository.js';

/** /readyz gives up after this long: a database that stops answering must read as not ready, not hang. */
const READY_TIMEOUT_MS = 3_000;

function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const healthSchema = z.object({ status: z.enum(['ok', 'unavailable']), reason: z.string().optional() });

export const registerHealthRoutes: RouteModule = (app, { db, disk }) => {
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
        const pending = await withinTimeout(pendingMigrationsOf(db), READY_TIMEOUT_MS);
        const free = await disk.freeBytes();
        if (free < MIN_FREE_BYTES)
          return reply.status(503).send({
            status: 'unavailable',
            reason: `disk nearly full (${Math.floor(free / 1024 / 1024)} MiB free)`,
          });
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
