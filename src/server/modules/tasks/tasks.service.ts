import type { z } from 'zod';
import type { Page } from '../../../contracts/paging.js';
import type { Task, TaskListQuery, taskPatchSchema } from '../../../contracts/tasks.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { completeActivityTask } from '../activities/index.js';
import { assertMayUpdateTask } from './tasks.policy.js';
import { presentTask } from './tasks.presenter.js';
import { assertAssignableUser, filteredTasks, taskQuery } from './tasks.repository.js';

type TaskPatch = z.output<typeof taskPatchSchema>;

export function listTasks(ctx: ServiceContext, query: TaskListQuery): Promise<Page<Task>> {
  return paged(
    filteredTasks(ctx, query),
    (q) =>
      q
        .orderBy('t.status')
        .orderBy('t.due_at', (o) => o.asc().nullsLast())
        .orderBy('t.created_at', 'desc')
        .orderBy('t.id'),
    query,
    presentTask,
  );
}

async function findTask(ctx: ServiceContext, id: string) {
  const row = await taskQuery(ctx).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Task ${id}`);
  return row;
}

export async function getTask(ctx: ServiceContext, id: string): Promise<Task> {
  return presentTask(await findTask(ctx, id));
}

export async function updateTask(ctx: ServiceContext, id: string, patch: TaskPatch): Promise<Task> {
  await inTransaction(ctx, async (tx) => {
    const before = await findTask(tx, id);
    assertMayUpdateTask(tx.actor, before, patch);
    if (patch.assigneeId !== undefined)
      await assertAssignableUser(tx.db, tx.organizationId, patch.assigneeId, 'assigneeId');
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (patch.status !== undefined && patch.status !== before.status)
      changes.status = { from: before.status, to: patch.status };
    if (patch.assigneeId !== undefined && patch.assigneeId !== before.assignee_id) {
      changes.assigneeId = { from: before.assignee_id, to: patch.assigneeId };
    }
    if (patch.evidenceId !== undefined && patch.status !== 'done') {
      throw new AppError(
        'VALIDATION_FAILED',
        'evidenceId is given only when completing a task (status done)',
        [{ path: 'evidenceId', message: 'Give status "done" with the evidence' }],
      );
    }
    if (changes.status && patch.status === 'done') await completeActivityTask(tx, before, patch.evidenceId);
    if (Object.keys(changes).length === 0) return;
    const now = new Date();
    const completing = changes.status && patch.status !== 'open';
    await tx.db
      .updateTable('tasks')
      .set({
        ...(changes.status ? { status: patch.status, completed_at: completing ? now : null } : {}),
        ...(changes.assigneeId ? { assignee_id: patch.assigneeId } : {}),
        updated_at: now,
      })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(tx, 'task.updated', { type: 'task', id }, { title: before.title, changes });
  });
  return getTask(ctx, id);
}
