import { z } from 'zod';
import { personRefSchema } from './evidence.js';

export const activityKinds = [
  'access-review',
  'restore-test',
  'dr-test',
  'redundancy-test',
  'fire-safety-round',
  'policy-review',
  'internal-audit',
  'supplier-review',
  'other',
] as const;
export const activityKindSchema = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof activityKindSchema>;

export const scheduleTypeSchema = z.enum(['rrule', 'cron']);

/** An RFC 5545 RRULE (e.g. FREQ=MONTHLY;BYMONTHDAY=1) or a five-field cron expression, both in UTC. */
export const scheduleInputSchema = z.strictObject({
  type: scheduleTypeSchema,
  expression: z.string().trim().min(1).max(500),
  /** Where an RRULE starts counting (its DTSTART); defaults to now. */
  startsAt: z.iso.datetime({ offset: true }).optional(),
});
export type ScheduleInput = z.input<typeof scheduleInputSchema>;

export const schedulePreviewSchema = z.object({ occurrences: z.array(z.string()) });

const activityFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).default(''),
  kind: activityKindSchema,
  schedule: scheduleInputSchema,
  assigneeId: z.uuid(),
  controlIds: z.array(z.uuid()).max(100).default([]),
  evidenceRequired: z.boolean().default(false),
  leadDays: z.number().int().min(0).max(365).default(0),
  /** Escalate to escalationUserId this many days after the due date; both or neither. */
  escalationDays: z.number().int().min(1).max(365).nullable().default(null),
  escalationUserId: z.uuid().nullable().default(null),
};

const escalationBoth = (v: { escalationDays?: number | null; escalationUserId?: string | null }) =>
  (v.escalationDays === null || v.escalationDays === undefined) ===
  (v.escalationUserId === null || v.escalationUserId === undefined);
const escalationMessage = {
  message: 'Escalation needs both escalationDays and escalationUserId, or neither',
  path: ['escalationUserId'],
};

export const activityCreateSchema = z.strictObject(activityFields).refine(escalationBoth, escalationMessage);
export type ActivityCreate = z.input<typeof activityCreateSchema>;

export const activityPatchSchema = z
  .strictObject({
    title: activityFields.title.optional(),
    description: z.string().max(10_000).optional(),
    kind: activityKindSchema.optional(),
    schedule: scheduleInputSchema.optional(),
    assigneeId: z.uuid().optional(),
    controlIds: z.array(z.uuid()).max(100).optional(),
    evidenceRequired: z.boolean().optional(),
    leadDays: z.number().int().min(0).max(365).optional(),
    escalationDays: z.number().int().min(1).max(365).nullable().optional(),
    escalationUserId: z.uuid().nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given')
  .refine(
    (v) => (v.escalationDays === undefined) === (v.escalationUserId === undefined) && escalationBoth(v),
    escalationMessage,
  );
export type ActivityPatch = z.input<typeof activityPatchSchema>;

export const activitySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  kind: activityKindSchema,
  schedule: z.object({ type: scheduleTypeSchema, expression: z.string(), startsAt: z.string() }),
  assignee: personRefSchema,
  controls: z.array(z.object({ id: z.uuid(), ref: z.string(), title: z.string() })),
  evidenceRequired: z.boolean(),
  leadDays: z.number().int(),
  escalation: z.object({ days: z.number().int(), user: personRefSchema }).nullable(),
  active: z.boolean(),
  nextOccurrence: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof activitySchema>;

export const activityListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  kind: activityKindSchema.optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;

export const emailModes = ['immediate', 'digest', 'off'] as const;
export const emailModeSchema = z.enum(emailModes);
export type EmailMode = z.infer<typeof emailModeSchema>;
export const notificationSettingsSchema = z.strictObject({ email: emailModeSchema });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
