import type { Page } from '../../../contracts/paging.js';
import type { Notification, NotificationListQuery } from '../../../contracts/tasks.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { presentNotification } from './tasks.presenter.js';

/** Notifications belong to a person; an API token reads its owner's inbox. */
function inboxOwner(ctx: ServiceContext): string {
  if (!ctx.actor.userId) throw new AppError('FORBIDDEN', 'Only people have an inbox');
  return ctx.actor.userId;
}

function inbox(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('notifications')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('user_id', '=', inboxOwner(ctx));
}

export function listNotifications(
  ctx: ServiceContext,
  query: NotificationListQuery,
): Promise<Page<Notification>> {
  let q = inbox(ctx);
  if (query.unread === 'true') q = q.where('read_at', 'is', null);
  if (query.unread === 'false') q = q.where('read_at', 'is not', null);
  return paged(q, (o) => o.orderBy('created_at', 'desc').orderBy('id'), query, presentNotification);
}

export async function unreadCount(ctx: ServiceContext): Promise<{ unread: number }> {
  const row = await inbox(ctx)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { unread: Number(row.n) };
}

export async function markRead(ctx: ServiceContext, id: string): Promise<Notification> {
  return inTransaction(ctx, async (tx) => {
    const row = await inbox(tx).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Notification ${id}`);
    if (row.read_at) return presentNotification(row);
    const updated = await tx.db
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAuditEvent(tx, 'notification.read', { type: 'notification', id }, { kind: row.kind });
    return presentNotification(updated);
  });
}

export async function markAllRead(ctx: ServiceContext): Promise<{ marked: number }> {
  return inTransaction(ctx, async (tx) => {
    const result = await tx.db
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('user_id', '=', inboxOwner(tx))
      .where('read_at', 'is', null)
      .executeTakeFirst();
    const marked = Number(result.numUpdatedRows);
    if (marked > 0) {
      await recordAuditEvent(
        tx,
        'notifications.read-all',
        { type: 'notification', id: null },
        { count: marked },
      );
    }
    return { marked };
  });
}
