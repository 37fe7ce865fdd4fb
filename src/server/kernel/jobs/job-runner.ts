import type pg from 'pg';
import { type Db, PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { Logger } from '../logging/logger.js';

/** A job type: its queue name, payload schema, optional cron schedule and handler. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  /** Cron expression (UTC). pg-boss keeps one schedule per name, so several instances never run a slot twice. */
  cron?: string;
  handle(payload: z.output<S>): Promise<void>;
}

export interface JobRunner {
  send<S extends z.ZodType>(job: JobDefinition<S>, payload: z.input<S>): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * pg-boss over the application's own pool. On PGlite the pool has one connection, so job queries queue
 * behind open transactions instead of running inside them. A multi-statement query (pg-boss's locked
 * blocks) comes back from node-postgres as one result per statement; pg-boss needs all their rows.
 */
function poolDatabase(pool: pg.Pool): Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = (await pool.query(text, values)) as pg.QueryResult | pg.QueryResult[];
      return { rows: Array.isArray(result) ? result.flatMap((r) => r.rows ?? []) : result.rows };
    },
  };
}

export async function startJobRunner(
  pool: pg.Pool,
  logger: Logger,
  jobs: JobDefinition[],
  options: { pollingIntervalSeconds?: number } = {},
): Promise<JobRunner> {
  const boss = new PgBoss({ db: poolDatabase(pool), schema: 'pgboss', application_name: 'tillit' });
  boss.on('error', (err: unknown) => logger.error({ err }, 'job queue error'));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    await boss.work(
      job.name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 },
      async ([received]) => {
        if (!received) return;
        const payload = job.payload.safeParse(received.data);
        if (!payload.success) {
          logger.error(
            { job: job.name, id: received.id, issues: payload.error.issues },
            'job payload rejected',
          );
          throw new Error(
            `Invalid payload for job ${job.name}: ${payload.error.issues.map((i) => i.message).join('; ')}`,
          );
        }
        await job.handle(payload.data);
        logger.debug({ job: job.name, id: received.id }, 'job done');
      },
    );
  }
  return {
    send: async (job, payload) => boss.send(job.name, job.payload.parse(payload) as object),
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
