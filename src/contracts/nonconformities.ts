import { z } from 'zod';
import { calendarDaySchema } from './audits.js';

export const ncSources = ['audit', 'incident', 'failing-check', 'complaint', 'other'] as const;
export const ncSourceSchema = z.enum(ncSources);
export type NcSource = z.infer<typeof ncSourceSchema>;

export const ncSeveritySchema = z.enum(['major', 'minor']);
export type NcSeverity = z.infer<typeof ncSeveritySchema>;

export const ncStatuses = ['open', 'correction', 'corrective-action', 'verification', 'closed'] as const;
export const ncStatusSchema = z.enum(ncStatuses);
export type NcStatus = z.infer<typeof ncStatusSchema>;

export const verificationResultSchema = z.enum(['effective', 'not-effective']);
export type VerificationResult = z.infer<typeof verificationResultSchema>;

export const ncSummarySchema = z.object({
  id: z.string().uuid(),
  ref: z.string(),
  source: ncSourceSchema,
  sourceRef: z.string(),
  severity: ncSeveritySchema,
  description: z.string(),
  ownerId: z.string().uuid().nullable(),
  ownerName: z.string().nullable(),
  status: ncStatusSchema,
  raisedOn: z.string(),
  actionCount: z.number().int(),
  overdueActions: z.number().int(),
});
export type NcSummary = z.infer<typeof ncSummarySchema>;

export const correctiveActionSchema = z.object({
  id: z.string().uuid(),
  description: z.string(),
  ownerId: z.string().uuid(),
  ownerName: z.string(),
  dueDate: z.string(),
  doneAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type CorrectiveAction = z.infer<typeof correctiveActionSchema>;

export const verificationSchema = z.object({
  id: z.string().uuid(),
  result: verificationResultSchema,
  notes: z.string(),
  verifiedById: z.string().uuid(),
  verifiedByName: z.string(),
  verifiedAt: z.string(),
});
export type Verification = z.infer<typeof verificationSchema>;

export const ncDetailSchema = ncSummarySchema.extend({
  rootCause: z.string(),
  correction: z.string(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  finding: z
    .object({ id: z.string().uuid(), auditId: z.string().uuid(), auditTitle: z.string(), type: z.string() })
    .nullable(),
  actions: z.array(correctiveActionSchema),
  verifications: z.array(verificationSchema),
});
export type NcDetail = z.infer<typeof ncDetailSchema>;

const text = (max: number) => z.string().trim().max(max);

export const ncInputSchema = z.strictObject({
  source: ncSourceSchema,
  sourceRef: text(300).default(''),
  severity: ncSeveritySchema,
  description: text(20_000).min(1, 'Describe the nonconformity'),
  ownerId: z.string().uuid().nullable().default(null),
});
export type NcInput = z.input<typeof ncInputSchema>;

export const ncPatchSchema = z
  .strictObject({
    description: text(20_000).min(1, 'Describe the nonconformity').optional(),
    severity: ncSeveritySchema.optional(),
    ownerId: z.string().uuid().nullable().optional(),
    sourceRef: text(300).optional(),
    rootCause: text(20_000).optional(),
    correction: text(20_000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');
export type NcPatch = z.input<typeof ncPatchSchema>;

export const ncStatusRequestSchema = z.strictObject({ status: ncStatusSchema });

export const actionInputSchema = z.strictObject({
  description: text(20_000).min(1, 'Describe the corrective action'),
  ownerId: z.string().uuid(),
  dueDate: calendarDaySchema,
});
export type ActionInput = z.input<typeof actionInputSchema>;

export const actionPatchSchema = z
  .strictObject({
    description: text(20_000).min(1).optional(),
    ownerId: z.string().uuid().optional(),
    dueDate: calendarDaySchema.optional(),
    done: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');
export type ActionPatch = z.input<typeof actionPatchSchema>;

export const verificationInputSchema = z.strictObject({
  result: verificationResultSchema,
  notes: text(20_000).default(''),
});
export type VerificationInput = z.input<typeof verificationInputSchema>;

export const ncListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: z.union([ncStatusSchema, z.literal('not-closed')]).optional(),
  severity: ncSeveritySchema.optional(),
  source: ncSourceSchema.optional(),
  ownerId: z.string().uuid().optional(),
  /** Only nonconformities with a corrective action past its due date and not done. */
  overdue: z.enum(['true']).optional(),
});
export type NcListQuery = z.infer<typeof ncListQuerySchema>;

export const ncCountsSchema = z.object({
  open: z.number().int(),
  major: z.number().int(),
  overdueActions: z.number().int(),
});
export type NcCounts = z.infer<typeof ncCountsSchema>;
