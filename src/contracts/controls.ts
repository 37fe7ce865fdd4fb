import { z } from 'zod';
import { afterCursorSchema } from './paging.js';
import { controlStatusSchema } from './soa.js';

export const evidenceStates = ['fresh', 'stale', 'missing'] as const;
export const evidenceStateSchema = z.enum(evidenceStates);
export type EvidenceState = z.infer<typeof evidenceStateSchema>;

export const controlSummarySchema = z.object({
  id: z.string().uuid(),
  ref: z.string(),
  title: z.string(),
  status: controlStatusSchema,
  ownerId: z.string().uuid().nullable(),
  ownerName: z.string().nullable(),
  /** null for an organisation-wide baseline control. */
  serviceId: z.string().uuid().nullable(),
  serviceName: z.string().nullable(),
  requirementCount: z.number().int(),
  evidenceState: evidenceStateSchema,
  /** A check linked to the control is failing. */
  failing: z.boolean(),
  updatedAt: z.string(),
});
export type ControlSummary = z.infer<typeof controlSummarySchema>;

export const controlRequirementSchema = z.object({
  id: z.string().uuid(),
  frameworkId: z.string().uuid(),
  frameworkKey: z.string(),
  frameworkName: z.string(),
  ref: z.string(),
  title: z.string(),
});

export const controlDetailSchema = controlSummarySchema.extend({
  implementation: z.string(),
  /** The implementation statement rendered from Markdown, sanitised. */
  implementationHtml: z.string(),
  requirements: z.array(controlRequirementSchema),
  createdAt: z.string(),
});
export type ControlDetail = z.infer<typeof controlDetailSchema>;

const controlRefSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/,
    'Reference must be 1–40 letters, digits, dots, dashes or underscores',
  );

export const controlInputSchema = z.strictObject({
  /** Generated (CTL-001, CTL-002 …) when left out. */
  ref: controlRefSchema.optional(),
  title: z.string().trim().min(1).max(300),
  implementation: z.string().max(100_000).default(''),
  status: controlStatusSchema.default('not-started'),
  ownerId: z.string().uuid().nullable().default(null),
  serviceId: z.string().uuid().nullable().default(null),
  requirementIds: z.array(z.string().uuid()).max(1000).default([]),
});
export type ControlInput = z.input<typeof controlInputSchema>;

export const controlPatchSchema = z
  .strictObject({
    ref: controlRefSchema.optional(),
    title: z.string().trim().min(1).max(300).optional(),
    implementation: z.string().max(100_000).optional(),
    status: controlStatusSchema.optional(),
    ownerId: z.string().uuid().nullable().optional(),
    serviceId: z.string().uuid().nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');

export const controlListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  after: afterCursorSchema,
  q: z.string().trim().max(200).optional(),
  status: controlStatusSchema.optional(),
  ownerId: z.string().uuid().optional(),
  /** `baseline`, a service id (only that service's own controls), or left out for all. */
  scope: z.union([z.literal('baseline'), z.string().uuid()]).optional(),
  /** The controls that apply to a service: the baseline plus the service's own. */
  appliesTo: z.string().uuid().optional(),
  evidenceState: z.enum(['fresh', 'stale', 'missing']).optional(),
  failing: z.enum(['true', 'false']).optional(),
});
export type ControlListQuery = z.infer<typeof controlListQuerySchema>;

export const controlRequirementsRequestSchema = z.strictObject({
  requirementIds: z.array(z.string().uuid()).min(1).max(1000),
});
