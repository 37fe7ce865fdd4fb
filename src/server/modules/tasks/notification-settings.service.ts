import type { NotificationSettings } from '../../../contracts/activities.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { emailModes } from './notification-mail.js';

function me(ctx: ServiceContext): string {
  if (!ctx.actor.userId) throw new AppError('FORBIDDEN', 'Only people have notification settings');
  return ctx.actor.userId;
}

export async function getNotificationSettings(ctx: ServiceContext): Promise<NotificationSettings> {
  const userId = me(ctx);
  return { email: (await emailModes(ctx, [userId])).get(userId) ?? 'digest' };
}

export async function updateNotificationSettings(
  ctx: ServiceContext,
  input: NotificationSettings,
): Promise<NotificationSettings> {
  const userId = me(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await getNotificationSettings(tx);
    if (before.email === input.email) return before;
    await tx.db
      .insertInto('notification_settings')
      .values({ user_id: userId, organization_id: tx.organizationId, email: input.email })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ email: input.email, updated_at: new Date() }))
      .execute();
    await recordAuditEvent(tx, 'notification-settings.updated', { type: 'user', id: userId }, input);
    return input;
  });
}
