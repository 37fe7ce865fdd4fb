import type { Kysely } from 'kysely';
import { z } from 'zod';
import { createCheckpoint } from '../audit/audit-checkpoints.js';
import type { AuditKeyring } from '../audit/signing-key.js';
import { systemActor } from '../context.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../logging/logger.js';
import type { JobDefinition } from './job-runner.js';

/** Organisations whose audit log grew since their newest checkpoint. */
async function organizationsWithUncheckpointedEvents(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log_heads as h')
    .leftJoin(
      db
        .selectFrom('audit_checkpoints')
        .select(['organization_id'])
        .select((eb) => eb.fn.max('tree_size').as('size'))
        .groupBy('organization_id')
        .as('c'),
      'c.organization_id',
      'h.organization_id',
    )
    .select('h.organization_id')
    .where((eb) => eb.or([eb('c.size', 'is', null), eb('c.size', '<', eb.ref('h.size'))]))
    .execute();
  return rows.map((r) => r.organization_id);
}

/** Signs a checkpoint for every organisation whose log grew; a log failing verification is reported, not signed. */
export async function checkpointGrownLogs(
  db: Kysely<Database>,
  keyring: AuditKeyring,
  logger: Logger,
): Promise<number> {
  let signed = 0;
  for (const organizationId of await organizationsWithUncheckpointedEvents(db)) {
    try {
      await createCheckpoint({ db, organizationId, actor: systemActor }, keyring);
      signed++;
    } catch (err) {
      logger.error({ err, organizationId }, 'audit log failed verification; no checkpoint signed');
    }
  }
  return signed;
}

export async function deleteExpiredSessions(db: Kysely<Database>): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<', new Date()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function maintenanceJobs(
  db: Kysely<Database>,
  keyring: AuditKeyring,
  logger: Logger,
): JobDefinition[] {
  return [
    {
      name: 'audit-checkpoint',
      payload: z.object({}),
      cron: '17 * * * *',
      handle: async () => {
        const signed = await checkpointGrownLogs(db, keyring, logger);
        if (signed) logger.info({ signed }, 'signed audit checkpoints');
      },
    },
    {
      name: 'session-cleanup',
      payload: z.object({}),
      cron: '43 * * * *',
      handle: async () => {
        await deleteExpiredSessions(db);
      },
    },
  ];
}
