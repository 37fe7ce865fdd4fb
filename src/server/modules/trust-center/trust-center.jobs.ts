import type { Kysely } from 'kysely';
import { z } from 'zod';
import { systemActor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import type { JobDefinition } from '../../kernel/jobs/job-runner.js';
import type { Logger } from '../../kernel/logging/logger.js';
import { mailChangelog, recordClaimChanges } from './changelog.service.js';

/**
 * For every organisation: claims that started or stopped holding become changelog entries (only where the trust
 * center is published: nobody reads the others), then new entries are mailed to verified subscribers.
 */
export async function runTrustChangelog(
  db: Kysely<Database>,
  logger: Logger,
  publicUrl: string,
  now = new Date(),
): Promise<{ claimChanges: number; recipients: number }> {
  const organizations = await db
    .selectFrom('organizations as o')
    .leftJoin('trust_center_settings as t', 't.organization_id', 'o.id')
    .select(['o.id', 't.published'])
    .execute();
  const total = { claimChanges: 0, recipients: 0 };
  for (const o of organizations) {
    const ctx = { db, organizationId: o.id, actor: systemActor };
    try {
      if (o.published) total.claimChanges += await recordClaimChanges(ctx, now);
      total.recipients += await mailChangelog(ctx, publicUrl, o.published === true);
    } catch (err) {
      logger.error({ err, organizationId: o.id }, 'trust-center changelog run failed');
    }
  }
  return total;
}

export function trustCenterJobs(db: Kysely<Database>, logger: Logger, publicUrl: string): JobDefinition[] {
  return [
    {
      name: 'trust-center-changelog',
      payload: z.object({}),
      cron: '*/15 * * * *',
      handle: async () => {
        const done = await runTrustChangelog(db, logger, publicUrl);
        if (done.claimChanges || done.recipients) logger.info(done, 'trust-center changelog updated');
      },
    },
  ];
}
