import { type Kysely, sql } from 'kysely';
import { inTransaction, systemActor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { enqueueMail } from '../../kernel/mail/index.js';
import { notificationMailText } from './notification-mail.js';

interface Pending {
  organization_id: string;
  user_id: string;
  email: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string;
}

/**
 * Mails notifications other modules put in the inbox to people who chose immediate mail. last_digest_at is
 * the point mail went out through; the dedupe key is the one notifyAndMail uses, so nothing is mailed twice.
 */
export async function sendImmediateMail(
  db: Kysely<Database>,
  publicUrl: string,
  now = new Date(),
): Promise<number> {
  const rows = await sql<Pending>`
    SELECT n.organization_id, n.user_id, u.email, n.title, n.body, n.link, n.dedupe_key
    FROM notification_settings s
    JOIN users u ON u.id = s.user_id AND u.organization_id = s.organization_id AND u.status = 'active'
    JOIN notifications n ON n.user_id = s.user_id AND n.organization_id = s.organization_id
    WHERE s.email = 'immediate' AND n.read_at IS NULL
      AND n.created_at > COALESCE(s.last_digest_at, s.updated_at) AND n.created_at <= ${now}
    ORDER BY n.organization_id, n.created_at`.execute(db);
  let queued = 0;
  for (const organizationId of new Set(rows.rows.map((r) => r.organization_id))) {
    const mine = rows.rows.filter((r) => r.organization_id === organizationId);
    queued += await inTransaction({ db, organizationId, actor: systemActor }, async (tx) => {
      let count = 0;
      for (const n of mine) {
        const sent = await enqueueMail(tx, {
          to: n.email,
          subject: n.title.replace(/[\r\n]+/g, ' ').slice(0, 300),
          text: notificationMailText(n, publicUrl),
          dedupeKey: `notification:${n.user_id}:${n.dedupe_key}`,
        });
        if (sent) count++;
      }
      await tx.db
        .updateTable('notification_settings')
        .set({ last_digest_at: now })
        .where('organization_id', '=', organizationId)
        .where('user_id', 'in', [...new Set(mine.map((n) => n.user_id))])
        .execute();
      return count;
    });
  }
  return queued;
}
