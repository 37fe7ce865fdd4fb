import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { createCheckpoint } from '../audit/audit-checkpoints.js';
import { refreshFullVerification } from '../audit/audit-verification-cache.js';
import type { AuditKeyring } from '../audit/signing-key.js';
import { systemActor } from '../context.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../logging/logger.js';
import type { JobDefinition } from './job-runner.js';

/**
 * Organisations with events after their newest checkpoint other than checkpoint events themselves (signing
 * one appends one, which alone does not call for another).
 */
async function organizationsWithUncheckpointedEvents(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ organization_id: string }>`
    SELECT h.organization_id FROM audit_log_heads h
    WHERE EXISTS (
      SELECT 1 FROM audit_events e
      WHERE e.organization_id = h.organization_id
        AND e.seq > COALESCE((SELECT max(c.tree_size) FROM audit_checkpoints c
                              WHERE c.organization_id = h.organization_id), 0)
        AND e.action <> 'audit.checkpoint-created')`.execute(db);
  return rows.rows.map((r) => r.organization_id);
}

/** Re-hashes every organisation's whole log without locking it and caches the result for the verification page. */
export async function verifyAllLogs(
  db: Kysely<Database>,
  keyring: AuditKeyring,
  logger: Logger,
): Promise<void> {
  const orgs = await db.selectFrom('audit_log_heads').select('organization_id').execute();
  for (const { organization_id: organizationId } of orgs) {
    const result = await refreshFullVerification(
      { db, organizationId, actor: systemActor },
      { trustedPublicKeys: keyring.trustedPublicKeys },
    );
    if (!result.ok)
      logger.error({ organizationId, problems: result.problems }, 'audit log failed verification');
  }
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
  const checkpoint = async () => {
    const signed = await checkpointGrownLogs(db, keyring, logger);
    if (signed) logger.info({ signed }, 'signed audit checkpoints');
  };
  return [
    { name: 'audit-checkpoint', payload: z.object({}), cron: '17 * * * *', handle: checkpoint },
    // Soon after activity: within about a minute of the first unsigned event, so recent events are protected
    // by a signature too. Cheap when nothing happened (one indexed look at each log's tail).
    { name: 'audit-checkpoint-soon', payload: z.object({}), cron: '* * * * *', handle: checkpoint },
    {
      name: 'audit-verify',
      payload: z.object({}),
      cron: '29 3 * * *',
      handle: () => verifyAllLogs(db, keyring, logger),
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
