import type { z } from 'zod';
import type {
  Activity,
  ActivityListQuery,
  activityCreateSchema,
  activityPatchSchema,
  ScheduleInput,
} from '../../../contracts/activities.js';
import type { Page } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { assertAssignableUser } from '../tasks/index.js';
import { presentActivity } from './activities.presenter.js';
import { activityQuery, assertControls, controlsOf, replaceControls } from './activities.repository.js';
import { occurrencesAfter, type Schedule, validateSchedule } from './schedule.js';

type ActivityCreate = z.output<typeof activityCreateSchema>;
type ActivityPatch = z.output<typeof activityPatchSchema>;

/** Midnight UTC of the day, so a rule without BYHOUR/BYMINUTE does not inherit the minute it was typed in. */
const dayStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

const toSchedule = (s: ScheduleInput, fallbackStart: Date): Schedule =>
  validateSchedule({
    type: s.type,
    expression: s.expression,
    startsAt: s.startsAt ? new Date(s.startsAt) : fallbackStart,
  });

/** The next five occurrences of a schedule as the job would open them. */
export function previewSchedule(input: ScheduleInput, now = new Date()): { occurrences: string[] } {
  const schedule = toSchedule(input, dayStart(now));
  return { occurrences: occurrencesAfter(schedule, now, 5).map((d) => d.toISOString()) };
}

export async function listActivities(ctx: ServiceContext, query: ActivityListQuery): Promise<Page<Activity>> {
  let q = activityQuery(ctx);
  if (query.kind) q = q.where('a.kind', '=', query.kind);
  const page = await paged(
    q,
    (o) => o.orderBy('a.title').orderBy('a.id'),
    query,
    (r) => r,
  );
  const controls = await controlsOf(
    ctx,
    page.items.map((r) => r.id),
  );
  return { ...page, items: page.items.map((r) => presentActivity(r, controls.get(r.id) ?? [])) };
}

async function findActivity(ctx: ServiceContext, id: string) {
  const row = await activityQuery(ctx).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Activity ${id}`);
  return row;
}

export async function getActivity(ctx: ServiceContext, id: string): Promise<Activity> {
  const row = await findActivity(ctx, id);
  return presentActivity(row, (await controlsOf(ctx, [id])).get(id) ?? []);
}

async function assertPeople(
  ctx: ServiceContext,
  v: { assigneeId?: string; escalationUserId?: string | null },
) {
  if (v.assigneeId !== undefined)
    await assertAssignableUser(ctx.db, ctx.organizationId, v.assigneeId, 'assigneeId');
  if (v.escalationUserId !== undefined)
    await assertAssignableUser(ctx.db, ctx.organizationId, v.escalationUserId, 'escalationUserId');
}

export async function createActivity(ctx: ServiceContext, input: ActivityCreate): Promise<Activity> {
  const schedule = toSchedule(input.schedule, dayStart(new Date()));
  const id = await inTransaction(ctx, async (tx) => {
    await assertPeople(tx, input);
    const refs = await assertControls(tx, input.controlIds);
    const row = await tx.db
      .insertInto('recurring_activities')
      .values({
        organization_id: tx.organizationId,
        title: input.title,
        description: input.description,
        kind: input.kind,
        schedule_type: schedule.type,
        schedule: schedule.expression,
        starts_at: schedule.startsAt,
        assignee_id: input.assigneeId,
        evidence_required: input.evidenceRequired,
        lead_days: input.leadDays,
        escalation_days: input.escalationDays,
        escalation_user_id: input.escalationUserId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceControls(tx, row.id, input.controlIds);
    await recordAuditEvent(
      tx,
      'activity.created',
      { type: 'activity', id: row.id },
      {
        title: input.title,
        kind: input.kind,
        schedule: `${schedule.type}: ${schedule.expression}`,
        assigneeId: input.assigneeId,
        controls: refs,
      },
    );
    return row.id;
  });
  return getActivity(ctx, id);
}

const columns = {
  title: 'title',
  description: 'description',
  kind: 'kind',
  assigneeId: 'assignee_id',
  evidenceRequired: 'evidence_required',
  leadDays: 'lead_days',
  escalationDays: 'escalation_days',
  escalationUserId: 'escalation_user_id',
  active: 'active',
} as const;

export async function updateActivity(
  ctx: ServiceContext,
  id: string,
  patch: ActivityPatch,
): Promise<Activity> {
  await inTransaction(ctx, async (tx) => {
    const before = await findActivity(tx, id);
    await assertPeople(tx, patch);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(columns)) {
      const value = patch[field as keyof typeof columns];
      if (value !== undefined && value !== before[column]) {
        changes[field] = { from: before[column], to: value };
        set[column] = value;
      }
    }
    if (patch.schedule) {
      const s = toSchedule(patch.schedule, before.starts_at);
      const from = `${before.schedule_type}: ${before.schedule} from ${before.starts_at.toISOString()}`;
      const to = `${s.type}: ${s.expression} from ${s.startsAt.toISOString()}`;
      if (from !== to) {
        changes.schedule = { from, to };
        Object.assign(set, { schedule_type: s.type, schedule: s.expression, starts_at: s.startsAt });
      }
    }
    if (patch.controlIds) {
      const refs = await assertControls(tx, patch.controlIds);
      const current = ((await controlsOf(tx, [id])).get(id) ?? []).map((c) => c.ref);
      if (refs.join(',') !== current.join(',')) {
        changes.controls = { from: current, to: refs };
        await replaceControls(tx, id, patch.controlIds);
      }
    }
    if (Object.keys(changes).length === 0) return;
    await tx.db
      .updateTable('recurring_activities')
      .set({ ...set, updated_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'activity.updated',
      { type: 'activity', id },
      { title: before.title, changes },
    );
  });
  return getActivity(ctx, id);
}
