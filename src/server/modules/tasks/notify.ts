import type { ServiceContext } from '../../kernel/context.js';

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
