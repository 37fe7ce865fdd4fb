import { type Activity, activityKindSchema, scheduleTypeSchema } from '../../../contracts/activities.js';
import type { ActivityQueryRow, ControlRef } from './activities.repository.js';
import { occurrencesAfter } from './schedule.js';

export function scheduleOf(r: ActivityQueryRow) {
  return { type: scheduleTypeSchema.parse(r.schedule_type), expression: r.schedule, startsAt: r.starts_at };
}

export const presentActivity = (r: ActivityQueryRow, controls: ControlRef[], now = new Date()): Activity => ({
  id: r.id,
  title: r.title,
  description: r.description,
  kind: activityKindSchema.parse(r.kind),
  schedule: {
    type: scheduleTypeSchema.parse(r.schedule_type),
    expression: r.schedule,
    startsAt: r.starts_at.toISOString(),
  },
  assignee: { id: r.assignee_id, name: r.assignee_name },
  controls,
  evidenceRequired: r.evidence_required,
  leadDays: r.lead_days,
  escalation:
    r.escalation_days !== null && r.escalation_user_id
      ? {
          days: r.escalation_days,
          user: { id: r.escalation_user_id, name: r.escalation_user_name ?? 'Removed user' },
        }
      : null,
  active: r.active,
  nextOccurrence: r.active ? (occurrencesAfter(scheduleOf(r), now, 1)[0]?.toISOString() ?? null) : null,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});
