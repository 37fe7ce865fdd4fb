import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import type { ServiceContext } from '../../kernel/context.js';

export interface SourceTask {
  sourceType: string;
  sourceId: string;
  title: string;
  description: string;
  assigneeId: string | null;
  /** When the task is due; none for tasks that are open until their source is fixed. */
  dueAt?: Date | null;
}

/**
 * Opens the one open task of a source (e.g. a failing check) unless it is open already; the partial unique
 * index tasks_open_source_key makes this safe under concurrency. Returns the open task's id and whether it is new.
 */
export async function openTaskForSource(
  tx: ServiceContext,
  task: SourceTask,
): Promise<{ id: string; opened: boolean }> {
  const inserted = await tx.db
    .insertInto('tasks')
    .values({
      organization_id: tx.organizationId,
      title: task.title,
      description: task.description,
      assignee_id: task.assigneeId,
      due_at: task.dueAt ?? null,
      source_type: task.sourceType,
      source_id: task.sourceId,
    })
    .onConflict((oc) =>
      oc
        .columns(['organization_id', 'source_type', 'source_id'])
        .where('status', '=', 'open')
        .where('source_id', 'is not', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (inserted) {
    await recordAuditEvent(
      tx,
      'task.opened',
      { type: 'task', id: inserted.id },
      {
        title: task.title,
        sourceType: task.sourceType,
        sourceId: task.sourceId,
        assigneeId: task.assigneeId,
      },
    );
    return { id: inserted.id, opened: true };
  }
  const open = await tx.db
    .selectFrom('tasks')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('source_type', '=', task.sourceType)
    .where('source_id', '=', task.sourceId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return { id: open.id, opened: false };
}

/** Closes the open task of a source, e.g. as done when its check passes again. */
export async function closeTasksForSource(
  tx: ServiceContext,
  source: { type: string; id: string },
  status: 'done' | 'cancelled',
  reason: string,
): Promise<number> {
  const now = new Date();
  const closed = await tx.db
    .updateTable('tasks')
    .set({ status, completed_at: now, updated_at: now })
    .where('organization_id', '=', tx.organizationId)
    .where('source_type', '=', source.type)
    .where('source_id', '=', source.id)
    .where('status', '=', 'open')
    .returning(['id', 'title'])
    .execute();
  for (const task of closed) {
    await recordAuditEvent(
      tx,
      'task.closed',
      { type: 'task', id: task.id },
      { title: task.title, status, reason },
    );
  }
  return closed.length;
}

/** Hands the open task of a source to a new person, e.g. when a failing check gets a new owner. */
export async function reassignSourceTask(
  tx: ServiceContext,
  source: { type: string; id: string },
  assigneeId: string | null,
): Promise<void> {
  const open = await tx.db
    .selectFrom('tasks')
    .select(['id', 'title', 'assignee_id'])
    .where('organization_id', '=', tx.organizationId)
    .where('source_type', '=', source.type)
    .where('source_id', '=', source.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (!open || open.assignee_id === assigneeId) return;
  await tx.db
    .updateTable('tasks')
    .set({ assignee_id: assigneeId, updated_at: new Date() })
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', open.id)
    .execute();
  await recordAuditEvent(
    tx,
    'task.updated',
    { type: 'task', id: open.id },
    { title: open.title, changes: { assigneeId: { from: open.assignee_id, to: assigneeId } } },
  );
}
