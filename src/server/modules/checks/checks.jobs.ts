import type { Kysely } from 'kysely';
import { z } from 'zod';
import { systemActor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import type { JobDefinition } from '../../kernel/jobs/job-runner.js';
import type { Logger } from '../../kernel/logging/logger.js';
import { runScheduledCheck } from './check-runner.js';
import { isDue } from './check-schedule.js';

/** Runs every scheduled check whose cron slot passed since it last ran; returns how many ran. */
export async function runDueChecks(db: Kysely<Database>, logger: Logger, now = new Date()): Promise<number> {
  const scheduled = await db
    .selectFrom('checks')
    .select(['id', 'organization_id', 'name', 'schedule', 'last_run_at', 'created_at'])
    .where('schedule', 'is not', null)
    .execute();
  let ran = 0;
  for (const check of scheduled) {
    if (!check.schedule || !isDue(check.schedule, check.last_run_at ?? check.created_at, now)) continue;
    try {
      const ctx = { db, organizationId: check.organization_id, actor: systemActor };
      if (await runScheduledCheck(ctx, check.id, now)) ran++;
    } catch (err) {
      logger.error({ err, checkId: check.id, check: check.name }, 'scheduled check failed to run');
    }
  }
  return ran;
}

export function checkJobs(db: Kysely<Database>, logger: Logger): JobDefinition[] {
  return [
    {
      // One schedule with a fixed name: pg-boss hands each minute's slot to one instance.
      name: 'checks-run-due',
      payload: z.object({}),
      cron: '* * * * *',
      handle: async () => {
        const ran = await runDueChecks(db, logger);
        if (ran) logger.info({ ran }, 'ran scheduled checks');
      },
    },
  ];
}
