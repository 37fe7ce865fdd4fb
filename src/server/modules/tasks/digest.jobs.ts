import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, systemActor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import type { JobDefinition } from '../../kernel/jobs/job-runner.js';
import type { Logger } from '../../kernel/logging/logger.js';
import { enqueueMail } from '../../kernel/mail/index.js';
import { sendImmediateMail } from './immediate-mail.jobs.js';
import { settingsFooter } from './notification-mail.js';

const DAY_MS = 86_400_000;
const LISTED = 50;

interface Recipient {
  organization_id: string;
  user_id: string;
  email: string;
  since: Date;
}

/** Active people on the daily digest (the default) and the start of what their next digest covers. */
async function digestRecipients(db: Kysely<Database>, now: Date): Promise<Recipient[]> {
  const rows = await sql<Recipient>`
    SELECT u.organization_id, u.id AS user_id, u.email,
           COALESCE(s.last_digest_at, ${new Date(now.getTime() - DAY_MS)}) AS since
    FROM users u
    LEFT JOIN notification_settings s ON s.user_id = u.id AND s.organization_id = u.organization_id
    WHERE u.status = 'active' AND COALESCE(s.email, 'digest') = 'digest'
    ORDER BY u.organization_id, u.id`.execute(db);
  return rows.rows;
}

function digestText(items: { title: string; link: string | null }[], total: number, publicUrl: string) {
  const lines = items.map((n) => `- ${n.title}${n.link ? `\n  ${publicUrl}${n.link}` : ''}`);
  if (total > items.length) lines.push(`…and ${total - items.length} more in your inbox.`);
  return `Unread in your Tillit inbox:\n\n${lines.join('\n')}\n\nInbox: ${publicUrl}/inbox${settingsFooter(publicUrl)}`;
}

/** One mail per person and day listing unread notifications since their last digest. Returns mails queued. */
export async function sendDigests(
  db: Kysely<Database>,
  publicUrl: string,
  now = new Date(),
): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  const byOrg = new Map<string, Recipient[]>();
  for (const r of await digestRecipients(db, now))
    byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), r]);
  let queued = 0;
  for (const [organizationId, recipients] of byOrg) {
    queued += await inTransaction({ db, organizationId, actor: systemActor }, async (tx) => {
      let count = 0;
      for (const r of recipients) {
        const unread = tx.db
          .selectFrom('notifications')
          .where('organization_id', '=', organizationId)
          .where('user_id', '=', r.user_id)
          .where('read_at', 'is', null)
          .where('created_at', '>', r.since)
          .where('created_at', '<=', now);
        const items = await unread.select(['title', 'link']).orderBy('created_at').limit(LISTED).execute();
        if (items.length === 0) continue;
        const total = await unread.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        const sent = await enqueueMail(tx, {
          to: r.email,
          subject: `Tillit: ${total.n} unread notification${Number(total.n) === 1 ? '' : 's'}`,
          text: digestText(items, Number(total.n), publicUrl),
          dedupeKey: `digest:${r.user_id}:${day}`,
        });
        await tx.db
          .insertInto('notification_settings')
          .values({ user_id: r.user_id, organization_id: organizationId, last_digest_at: now })
          .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_digest_at: now }))
          .execute();
        if (sent) count++;
      }
      if (count > 0)
        await recordAuditEvent(
          tx,
          'notifications.digest-sent',
          { type: 'notification', id: null },
          { recipients: count },
        );
      return count;
    });
  }
  return queued;
}

export function digestJobs(db: Kysely<Database>, logger: Logger, publicUrl: string): JobDefinition[] {
  return [
    {
      name: 'notification-digest',
      payload: z.object({}),
      cron: '0 7 * * *',
      handle: async () => {
        const queued = await sendDigests(db, publicUrl);
        if (queued) logger.info({ queued }, 'queued notification digests');
      },
    },
    {
      name: 'notification-mail',
      payload: z.object({}),
      cron: '*/5 * * * *',
      handle: async () => {
        const queued = await sendImmediateMail(db, publicUrl);
        if (queued) logger.info({ queued }, 'queued notification mail');
      },
    },
  ];
}
