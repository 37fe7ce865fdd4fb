import type { Notification, Task } from '../../../contracts/tasks.js';
import { taskStatusSchema } from '../../../contracts/tasks.js';
import type { NotificationRow } from '../../kernel/db/schema.js';
import type { TaskQueryRow } from './tasks.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentTask = (r: TaskQueryRow): Task => ({
  id: r.id,
  title: r.title,
  description: r.description,
  status: taskStatusSchema.parse(r.status),
  assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? 'Removed user' } : null,
  dueAt: iso(r.due_at),
  source:
    r.source_type && r.source_id
      ? { type: r.source_type, id: r.activity_id ?? r.source_id, name: r.source_name }
      : null,
  evidenceRequired: r.evidence_required === true,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  completedAt: iso(r.completed_at),
});

export const presentNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: iso(r.read_at),
});
