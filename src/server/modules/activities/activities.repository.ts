import { activityVisible, controlVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';

export function activityQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('recurring_activities as a')
    .innerJoin('users as u', 'u.id', 'a.assignee_id')
    .leftJoin('users as e', 'e.id', 'a.escalation_user_id')
    .selectAll('a')
    .select(['u.name as assignee_name', 'e.name as escalation_user_name'])
    .where('a.organization_id', '=', ctx.organizationId)
    .where(activityVisible(ctx.actor, 'a.id'));
}

export type ActivityQueryRow = Awaited<
  ReturnType<ReturnType<typeof activityQuery>['executeTakeFirstOrThrow']>
>;

export interface ControlRef {
  id: string;
  ref: string;
  title: string;
}

/** The controls of each activity, keyed by activity id. */
export async function controlsOf(
  ctx: ServiceContext,
  activityIds: string[],
): Promise<Map<string, ControlRef[]>> {
  const map = new Map<string, ControlRef[]>();
  if (activityIds.length === 0) return map;
  const rows = await ctx.db
    .selectFrom('recurring_activity_controls as ac')
    .innerJoin('controls as c', 'c.id', 'ac.control_id')
    .select(['ac.activity_id', 'c.id', 'c.ref', 'c.title'])
    .where('ac.organization_id', '=', ctx.organizationId)
    .where('ac.activity_id', 'in', activityIds)
    .where(controlVisible(ctx.actor, 'c.id'))
    .orderBy('c.ref')
    .execute();
  for (const r of rows) {
    const list = map.get(r.activity_id) ?? [];
    list.push({ id: r.id, ref: r.ref, title: r.title });
    map.set(r.activity_id, list);
  }
  return map;
}

/** Every id must name a control of the organisation; returns their refs for the audit log. */
export async function assertControls(ctx: ServiceContext, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('controls')
    .select(['id', 'ref'])
    .where('organization_id', '=', ctx.organizationId)
    .where('id', 'in', unique)
    .execute();
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', `No control ${missing.join(', ')} in this organisation`, [
      { path: 'controlIds', message: `Unknown controls: ${missing.join(', ')}` },
    ]);
  }
  return rows.map((r) => r.ref).sort();
}

export async function replaceControls(ctx: ServiceContext, activityId: string, ids: string[]): Promise<void> {
  await ctx.db
    .deleteFrom('recurring_activity_controls')
    .where('organization_id', '=', ctx.organizationId)
    .where('activity_id', '=', activityId)
    .execute();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  await ctx.db
    .insertInto('recurring_activity_controls')
    .values(
      unique.map((control_id) => ({
        organization_id: ctx.organizationId,
        activity_id: activityId,
        control_id,
      })),
    )
    .execute();
}
