import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import type { ServiceContext } from '../../kernel/context.js';
import { type NewNotification, notify } from '../tasks/index.js';

export type PolicyNotification = NewNotification & { link: string };

/** Writes notifications to people's inboxes and audits how many were new; inside the caller's transaction. */
export async function sendNotifications(
  tx: ServiceContext,
  kind: string,
  items: PolicyNotification[],
): Promise<number> {
  const inserted = await notify(tx, items);
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
