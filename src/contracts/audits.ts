import { z } from 'zod';

export const auditTypes = ['internal', 'stage-1', 'stage-2', 'surveillance', 'recertification'] as const;
export const auditTypeSchema = z.enum(auditTypes);
export type AuditType = z.infer<typeof auditTypeSchema>;

export const auditStatuses = ['planned', 'in-progress', 'completed'] as const;
export const auditStatusSchema = z.enum(auditStatuses);
export type AuditStatus = z.infer<typeof auditStatusSchema>;

export const checklistResults = ['not-checked', 'conform', 'nonconform', 'observation'] as const;
export const checklistResultSchema = z.enum(checklistResults);
export type ChecklistResult = z.infer<typeof checklistResultSchema>;

export const findingTypes = ['major-nc', 'minor-nc', 'observation', 'opportunity-for-improvement'] as const;
export const findingTypeSchema = z.enum(findingTypes);
export type FindingType = z.infer<typeof findingTypeSchema>;

/** A calendar day, YYYY-MM-DD, that exists. */
export const calendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date must be written YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'Not a real calendar date',
  );

const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const auditProgrammeSchema = z.object({
  id: z.string().uuid(),
  year: z.number().int(),
  objectives: z.string(),
  auditCount: z.number().int(),
});
export type AuditProgramme = z.infer<typeof auditProgrammeSchema>;

export const auditProgrammeInputSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  objectives: z.string().trim().max(20_000).default(''),
});
export type AuditProgrammeInput = z.input<typeof auditProgrammeInputSchema>;
export type AuditProgrammeData = z.output<typeof auditProgrammeInputSchema>;

export const auditProgrammeListQuerySchema = z.strictObject(paging);

const named = z.object({ id: z.string().uuid(), name: z.string() });

export const auditProgressSchema = z.object({
  total: z.number().int(),
  checked: z.number().int(),
  conform: z.number().int(),
  nonconform: z.number().int(),
  observation: z.number().int(),
});
export type AuditProgress = z.infer<typeof auditProgressSchema>;

export const auditSummarySchema = z.object({
  id: z.string().uuid(),
  programmeId: z.string().uuid().nullable(),
  programmeYear: z.number().int().nullable(),
  title: z.string(),
  type: auditTypeSchema,
  status: auditStatusSchema,
  plannedStart: z.string(),
  plannedEnd: z.string(),
  leadAuditorId: z.string().uuid().nullable(),
  leadAuditorName: z.string().nullable(),
  externalAuditor: z.string(),
  findingCount: z.number().int(),
});
export type AuditSummary = z.infer<typeof auditSummarySchema>;

export const auditDetailSchema = auditSummarySchema.extend({
  conclusion: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  frameworks: z.array(named),
  /** Empty: the whole organisation. */
  services: z.array(named),
  progress: auditProgressSchema,
});
export type AuditDetail = z.infer<typeof auditDetailSchema>;

const auditFields = {
  title: z.string().trim().min(1).max(300),
  type: auditTypeSchema,
  programmeId: z.string().uuid().nullable(),
  plannedStart: calendarDaySchema,
  plannedEnd: calendarDaySchema,
  leadAuditorId: z.string().uuid().nullable(),
  externalAuditor: z.string().trim().max(300),
};

export const auditInputSchema = z.strictObject({
  ...auditFields,
  programmeId: auditFields.programmeId.default(null),
  leadAuditorId: auditFields.leadAuditorId.default(null),
  externalAuditor: auditFields.externalAuditor.default(''),
  frameworkIds: z.array(z.string().uuid()).min(1, 'Choose at least one framework to audit').max(50),
  serviceIds: z.array(z.string().uuid()).max(200).default([]),
});
export type AuditInput = z.input<typeof auditInputSchema>;

export const auditPatchSchema = z
  .strictObject({
    title: auditFields.title.optional(),
    type: auditFields.type.optional(),
    programmeId: auditFields.programmeId.optional(),
    plannedStart: auditFields.plannedStart.optional(),
    plannedEnd: auditFields.plannedEnd.optional(),
    leadAuditorId: auditFields.leadAuditorId.optional(),
    externalAuditor: auditFields.externalAuditor.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');
export type AuditPatch = z.input<typeof auditPatchSchema>;

export const auditStatusRequestSchema = z.strictObject({
  status: z.enum(['in-progress', 'completed']),
  /** Required when completing. */
  conclusion: z.string().trim().max(20_000).optional(),
});
export type AuditStatusRequest = z.input<typeof auditStatusRequestSchema>;

export const auditListQuerySchema = z.strictObject({
  ...paging,
  programmeId: z.string().uuid().optional(),
  status: auditStatusSchema.optional(),
  type: auditTypeSchema.optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const checklistItemSchema = z.object({
  id: z.string().uuid(),
  requirementId: z.string().uuid().nullable(),
  frameworkName: z.string(),
  requirementRef: z.string(),
  requirementTitle: z.string(),
  result: checklistResultSchema,
  notes: z.string(),
  checkedByName: z.string().nullable(),
  checkedAt: z.string().nullable(),
  /** The controls mapped to the requirement, as context for the auditor. */
  controls: z.array(z.object({ id: z.string().uuid(), ref: z.string(), title: z.string() })),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistQuerySchema = z.strictObject({
  ...paging,
  result: checklistResultSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type ChecklistQuery = z.infer<typeof checklistQuerySchema>;

export const checklistResultRequestSchema = z.strictObject({
  result: checklistResultSchema,
  notes: z.string().trim().max(20_000).default(''),
});
export type ChecklistResultRequest = z.input<typeof checklistResultRequestSchema>;
export type ChecklistResultData = z.output<typeof checklistResultRequestSchema>;

export const findingSchema = z.object({
  id: z.string().uuid(),
  auditId: z.string().uuid(),
  type: findingTypeSchema,
  description: z.string(),
  checklistItemId: z.string().uuid().nullable(),
  requirementRef: z.string().nullable(),
  raisedByName: z.string().nullable(),
  raisedAt: z.string(),
  /** The nonconformity a major or minor NC finding opened in the register. */
  nonconformityId: z.string().uuid().nullable(),
  nonconformityRef: z.string().nullable(),
});
export type Finding = z.infer<typeof findingSchema>;

export const findingInputSchema = z.strictObject({
  type: findingTypeSchema,
  description: z.string().trim().min(1, 'Describe the finding').max(20_000),
  checklistItemId: z.string().uuid().nullable().default(null),
});
export type FindingInput = z.input<typeof findingInputSchema>;
export type FindingData = z.output<typeof findingInputSchema>;

export const findingListQuerySchema = z.strictObject(paging);
