import type { EmailMode } from '../../../contracts/activities.js';
import { emailModeSchema } from '../../../contracts/activities.js';
import type { ServiceContext } from '../../kernel/context.js';
import { enqueueMail } from '../../kernel/mail/index.js';
import type { NewNotification } from './notify.js';

/** Each person's e-mail preference; people who never chose get the daily digest. */
export async function emailModes(ctx: ServiceContext, userIds: string[]): Promise<Map<string, EmailMode>> {
  const modes = new Map<string, EmailMode>(userIds.map((id) => [id, 'digest']));
  if (userIds.length === 0) return modes;
  const rows = await ctx.db
    .selectFrom('notification_settings')
    .select(['user_id', 'email'])
    .where('organization_id', '=', ctx.organizationId)
    .where('user_id', 'in', userIds)
    .execute();
  for (const r of rows) modes.set(r.user_id, emailModeSchema.parse(r.email));
  return modes;
}

export const settingsFooter = (publicUrl: string) =>
  `\n\n--\nTillit. Choose immediate mail, a daily digest or none under Account: ${publicUrl}/account`;

/** Only the notification's own words and a link into Tillit: never tokens or other secrets. */
export function notificationMailText(
  n: Pick<NewNotification, 'title' | 'body' | 'link'>,
  publicUrl: string,
): string {
  const lines = [n.title, '', n.body];
  if (n.link) lines.push('', `${publicUrl}${n.link}`);
  return lines.join('\n') + settingsFooter(publicUrl);
}

/**
 * Puts notifications in inboxes and, in the same transaction, queues mail to the people who asked for
 * immediate mail; the others get it in their digest. Urgent ones (escalations) are mailed to everyone who
 * did not turn mail off. Returns the notifications that were new.
 */
export async function notifyAndMail(
  tx: ServiceContext,
  notifications: NewNotification[],
  publicUrl: string,
  options: { urgent?: boolean } = {},
): Promise<NewNotification[]> {
  if (notifications.length === 0) return [];
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
    .returning(['id', 'user_id', 'dedupe_key'])
    .execute();
  const fresh = notifications.filter((n) =>
    inserted.some((r) => r.user_id === n.userId && r.dedupe_key === n.dedupeKey),
  );
  const modes = await emailModes(tx, [...new Set(fresh.map((n) => n.userId))]);
  const immediate = fresh.filter((n) =>
    options.urgent ? modes.get(n.userId) !== 'off' : modes.get(n.userId) === 'immediate',
  );
  if (immediate.length === 0) return fresh;
  const people = await tx.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('organization_id', '=', tx.organizationId)
    .where('status', '=', 'active')
    .where(
      'id',
      'in',
      immediate.map((n) => n.userId),
    )
    .execute();
  for (const n of immediate) {
    const to = people.find((p) => p.id === n.userId)?.email;
    if (!to) continue;
    await enqueueMail(tx, {
      to,
      subject: n.title.replace(/[\r\n]+/g, ' ').slice(0, 300),
      text: notificationMailText(n, publicUrl),
      dedupeKey: `notification:${n.userId}:${n.dedupeKey}`,
    });
  }
  return fresh;
}
