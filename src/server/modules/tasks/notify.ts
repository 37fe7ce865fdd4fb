import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext, systemActor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  /** A path inside the web app. */
  link: string | null;
  /** One notification per key and person, however often the job that sends it runs. */
  dedupeKey: string;
}

/** Puts notifications in people's inboxes; returns how many were new. The caller audits the sending. */
export async function notify(tx: ServiceContext, notifications: NewNotification[]): Promise<number> {
  if (notifications.length === 0) return 0;
  const inserted = await tx.db
    .insertInto('notifications')
    .values(
      notifications.map((n) => ({
        organization_id: tx.organizationId,
        user_id: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        dedupe_key: n.dedupeKey,
      })),
    )
    .onConflict((oc) => oc.columns(['organization_id', 'user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/** Notifies of one kind and audits how many were new; inside the caller's transaction. */
export async function notifyAndAudit(
  tx: ServiceContext,
  kind: string,
  notifications: NewNotification[],
): Promise<number> {
  const inserted = await notify(tx, notifications);
  if (inserted > 0) {
    await recordAuditEvent(
      tx,
      'notifications.sent',
      { type: 'notification', id: null },
      { kind, count: inserted },
    );
  }
  return inserted;
}

export interface Reminder extends NewNotification {
  organizationId: string;
}

/** Sends a scheduled job's reminders: per organisation in one transaction, one audit event per kind sent. */
export async function sendRemindersPerOrganization(
  db: Kysely<Database>,
  reminders: Reminder[],
): Promise<number> {
  let sent = 0;
  for (const organizationId of new Set(reminders.map((r) => r.organizationId))) {
    const mine = reminders.filter((r) => r.organizationId === organizationId);
    sent += await inTransaction({ db, organizationId, actor: systemActor }, async (tx) => {
      let count = 0;
      for (const kind of new Set(mine.map((r) => r.kind))) {
        count += await notifyAndAudit(
          tx,
          kind,
          mine.filter((r) => r.kind === kind),
        );
      }
      return count;
    });
  }
  return sent;
}
