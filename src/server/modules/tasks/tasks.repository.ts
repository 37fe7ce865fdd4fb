import type { Kysely } from 'kysely';
import type { TaskListQuery } from '../../../contracts/tasks.js';
import { taskVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors/app-error.js';

export function taskQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('tasks as t')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .leftJoin('checks as k', (j) =>
      j
        .onRef('k.id', '=', 't.source_id')
        .on('t.source_type', '=', 'check')
        .onRef('k.organization_id', '=', 't.organization_id'),
    )
    .leftJoin('activity_occurrences as ao', (j) =>
      j
        .onRef('ao.id', '=', 't.source_id')
        .on('t.source_type', '=', 'activity')
        .onRef('ao.organization_id', '=', 't.organization_id'),
    )
    .leftJoin('recurring_activities as ra', 'ra.id', 'ao.activity_id')
    .selectAll('t')
    .select((eb) => [
      'u.name as assignee_name',
      eb.fn.coalesce('k.name', 'ra.title').as('source_name'),
      'ao.activity_id',
      'ra.evidence_required',
    ])
    .where('t.organization_id', '=', ctx.organizationId)
    .where(taskVisible(ctx.actor, 't.source_type', 't.source_id'));
}

export type TaskQueryRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['executeTakeFirstOrThrow']>>;

export function filteredTasks(ctx: ServiceContext, f: TaskListQuery) {
  let q = taskQuery(ctx);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.assignee === 'me')
    q = q.where('t.assignee_id', '=', ctx.actor.userId ?? '00000000-0000-0000-0000-000000000000');
  else if (f.assignee) q = q.where('t.assignee_id', '=', f.assignee);
  return q;
}

/** Tasks and checks are given to active people of the organisation only. */
export async function assertAssignableUser(
  db: Kysely<Database>,
  organizationId: string,
  userId: string | null,
  field: string,
): Promise<void> {
  if (userId === null) return;
  const user = await db
    .selectFrom('users')
    .select('status')
    .where('organization_id', '=', organizationId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.status !== 'active') {
    throw new AppError('VALIDATION_FAILED', `${field} must be an active person of this organisation`, [
      { path: field, message: user ? `User ${userId} is ${user.status}` : `No user ${userId}` },
    ]);
  }
}
