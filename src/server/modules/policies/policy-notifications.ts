import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import type { ServiceContext } from '../../kernel/context.js';

export interface PolicyNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  /** One notification per key and person, however often it is sent. */
  dedupeKey: string;
}

/** Writes notifications to people's inboxes and audits how many were new; inside the caller's transaction. */
export async function sendNotifications(
  tx: ServiceContext,
  kind: string,
  items: PolicyNotification[],
): Promise<number> {
  if (items.length === 0) return 0;
  const inserted = await tx.db
    .insertInto('notifications')
    .values(
      items.map((n) => ({
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
  if (inserted.length > 0) {
    await recordAuditEvent(
      tx,
      'notifications.sent',
      { type: 'notification', id: null },
      { kind, count: inserted.length },
    );
  }
  return inserted.length;
}

export function acknowledgementRequest(
  campaign: { id: string; documentId: string; title: string; number: number; dueOn: string },
  userId: string,
  dedupeKey: string,
): PolicyNotification {
  return {
    userId,
    kind: 'policy-acknowledgement',
    title: `Please read and accept “${campaign.title}” version ${campaign.number}`,
    body: `Due on ${campaign.dueOn}.`,
    link: `/policies/${campaign.documentId}`,
    dedupeKey,
  };
}
