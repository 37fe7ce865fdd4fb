import { z } from 'zod';
import { roleSchema } from './permissions.js';

export const policyKinds = ['policy', 'procedure', 'plan', 'guideline', 'other'] as const;
export const policyKindSchema = z.enum(policyKinds);
export type PolicyKind = z.infer<typeof policyKindSchema>;

export const classifications = ['internal', 'customer-on-request', 'public'] as const;
export const classificationSchema = z.enum(classifications);
export type Classification = z.infer<typeof classificationSchema>;

export const versionStatuses = ['draft', 'in-review', 'approved', 'published', 'superseded'] as const;
export const versionStatusSchema = z.enum(versionStatuses);
export type VersionStatus = z.infer<typeof versionStatusSchema>;

const isoDate = z.iso.date('Give the date as YYYY-MM-DD');

export const policyVersionSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: versionStatusSchema,
  changeSummary: z.string(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  approverId: z.uuid().nullable(),
  approverName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PolicyVersionSummary = z.infer<typeof policyVersionSummarySchema>;

export const policyVersionSchema = policyVersionSummarySchema.extend({
  body: z.string(),
  /** The body rendered from Markdown, sanitised. */
  bodyHtml: z.string(),
});
export type PolicyVersion = z.infer<typeof policyVersionSchema>;

export const policySummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: policyKindSchema,
  classification: classificationSchema,
  ownerId: z.uuid(),
  ownerName: z.string(),
  reviewIntervalMonths: z.number().int(),
  /** YYYY-MM-DD; null until a version is published. */
  nextReviewOn: z.string().nullable(),
  overdue: z.boolean(),
  publishedNumber: z.number().int().nullable(),
  /** The version being worked on (draft, in review or approved), if any. */
  openNumber: z.number().int().nullable(),
  openStatus: versionStatusSchema.nullable(),
  updatedAt: z.string(),
});
export type PolicySummary = z.infer<typeof policySummarySchema>;

export const policyDetailSchema = policySummarySchema.extend({
  published: policyVersionSchema.nullable(),
  open: policyVersionSchema.nullable(),
  /** When the signed-in person accepted the published version; null if they have not. */
  myAcknowledgedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PolicyDetail = z.infer<typeof policyDetailSchema>;

const title = z.string().trim().min(1, 'Title must not be empty').max(300);
const interval = z.number().int().min(1).max(60, 'Review interval is at most 60 months');
const body = z.string().max(200_000);
const changeSummary = z.string().trim().max(2000);

export const policyInputSchema = z.strictObject({
  title,
  kind: policyKindSchema,
  ownerId: z.uuid(),
  classification: classificationSchema,
  reviewIntervalMonths: interval.default(12),
  /** The first draft's Markdown. */
  body: body.default(''),
  changeSummary: changeSummary.default('First version'),
});
export type PolicyInput = z.input<typeof policyInputSchema>;

export const policyPatchSchema = z
  .strictObject({
    title: title.optional(),
    kind: policyKindSchema.optional(),
    ownerId: z.uuid().optional(),
    classification: classificationSchema.optional(),
    reviewIntervalMonths: interval.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');

export const policyListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(200).optional(),
  kind: policyKindSchema.optional(),
  classification: classificationSchema.optional(),
  /** Documents whose next review date has passed. */
  overdue: z.enum(['true', 'false']).optional(),
});
export type PolicyListQuery = z.infer<typeof policyListQuerySchema>;

export const draftInputSchema = z.strictObject({ body, changeSummary: changeSummary.default('') });
export const draftPatchSchema = z
  .strictObject({ body: body.optional(), changeSummary: changeSummary.optional() })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');
export const returnInputSchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

export const versionParams = z.strictObject({ id: z.uuid(), number: z.coerce.number().int().min(1) });

export const diffQuerySchema = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

export const diffLineSchema = z.object({
  kind: z.enum(['added', 'removed', 'context']),
  text: z.string(),
});
export const diffHunkSchema = z.object({
  oldStart: z.number().int(),
  oldLines: z.number().int(),
  newStart: z.number().int(),
  newLines: z.number().int(),
  lines: z.array(diffLineSchema),
});
export const policyDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  hunks: z.array(diffHunkSchema),
});
export type PolicyDiff = z.infer<typeof policyDiffSchema>;

/** Who a campaign asks: every active person, or the active people with the chosen roles. */
export const policyAudienceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('all') }),
  z.strictObject({ type: z.literal('roles'), roles: z.array(roleSchema).min(1).max(5) }),
]);
export type PolicyAudience = z.infer<typeof policyAudienceSchema>;

export const campaignInputSchema = z.strictObject({
  audience: policyAudienceSchema,
  /** YYYY-MM-DD, after today. */
  dueOn: isoDate,
});
export type CampaignInput = z.input<typeof campaignInputSchema>;

export const campaignSchema = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  documentTitle: z.string(),
  versionNumber: z.number().int(),
  /** Whether the campaign's version is still the published one. */
  current: z.boolean(),
  audience: policyAudienceSchema,
  dueOn: z.string(),
  overdue: z.boolean(),
  targeted: z.number().int(),
  acknowledged: z.number().int(),
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignPersonStates = ['pending', 'acknowledged'] as const;
export const campaignPeopleQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  state: z.enum(campaignPersonStates).optional(),
});
export const campaignPersonSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  acknowledgedAt: z.string().nullable(),
  /** Not acknowledged and the due date has passed. */
  overdue: z.boolean(),
});
export type CampaignPerson = z.infer<typeof campaignPersonSchema>;

export const remindResultSchema = z.object({ reminded: z.number().int() });

export const pendingAcknowledgementSchema = z.object({
  campaignId: z.uuid(),
  documentId: z.uuid(),
  title: z.string(),
  kind: policyKindSchema,
  versionNumber: z.number().int(),
  dueOn: z.string(),
  overdue: z.boolean(),
});
export type PendingAcknowledgement = z.infer<typeof pendingAcknowledgementSchema>;

export const acknowledgementSchema = z.object({
  documentId: z.uuid(),
  versionNumber: z.number().int(),
  acknowledgedAt: z.string(),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
