import { z } from 'zod';
import { afterCursorSchema } from './paging.js';

export const evidenceKinds = ['file', 'link', 'check-result'] as const;
export const evidenceKindSchema = z.enum(evidenceKinds);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

/**
 * Where one evidence item stands today: `fresh` once the date it proves has come and until it expires,
 * `pending` before that date, `expired` after its expiry.
 */
export const evidenceItemStates = ['fresh', 'pending', 'expired'] as const;
export const evidenceItemStateSchema = z.enum(evidenceItemStates);
export type EvidenceItemState = z.infer<typeof evidenceItemStateSchema>;

export const checkOutcomes = ['pass', 'fail'] as const;
export const checkOutcomeSchema = z.enum(checkOutcomes);
export type CheckOutcome = z.infer<typeof checkOutcomeSchema>;

export const checkTriggers = ['manual', 'schedule', 'push'] as const;
export const checkTriggerSchema = z.enum(checkTriggers);
export type CheckTrigger = z.infer<typeof checkTriggerSchema>;

export const personRefSchema = z.object({ id: z.string().uuid(), name: z.string() });
export type PersonRef = z.infer<typeof personRefSchema>;

export const controlRefSchema = z.object({ id: z.string().uuid(), ref: z.string(), title: z.string() });
export type ControlRef = z.infer<typeof controlRefSchema>;

export const evidenceSchema = z.object({
  id: z.string().uuid(),
  kind: evidenceKindSchema,
  title: z.string(),
  description: z.string(),
  url: z.string().nullable(),
  file: z
    .object({
      sha256: z.string().describe('SHA-256 of the content, hex'),
      name: z.string(),
      size: z.number().int(),
      contentType: z.string().describe('Sniffed from the content, never taken from the uploader'),
    })
    .nullable(),
  check: z
    .object({
      id: z.string().uuid(),
      name: z.string().nullable().describe('null when the check was deleted since'),
      outcome: checkOutcomeSchema,
      trigger: checkTriggerSchema,
    })
    .nullable(),
  validFrom: z.string().describe('The date the evidence proves'),
  expiresAt: z.string().nullable(),
  state: evidenceItemStateSchema,
  reviewer: personRefSchema.nullable(),
  reviewedAt: z.string().nullable(),
  createdBy: personRefSchema.nullable(),
  createdAt: z.string(),
  controls: z.array(controlRefSchema),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const evidenceDetailSchema = evidenceSchema.extend({
  /** Structured result of a check run or push (e.g. the samples that broke a threshold). */
  checkDetails: z.unknown().nullable(),
});
export type EvidenceDetail = z.infer<typeof evidenceDetailSchema>;

/** A date (`2026-03-31`, midnight UTC) or an ISO date-time with offset. */
export const instantSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'Expected a date (YYYY-MM-DD) or an ISO 8601 date-time',
});

export const toDate = (value: string): Date => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);

const controlRefInput = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'A control reference such as CTL-001');

const evidenceFields = {
  title: z.string().trim().min(1, 'A title is required').max(300),
  description: z.string().trim().max(10_000).default(''),
  /** The date the evidence proves; now when left out. */
  validFrom: instantSchema.optional(),
  expiresAt: instantSchema.nullable().default(null),
  controlIds: z.array(z.string().uuid()).max(100).default([]),
  /** Controls by reference (CTL-001), for scripts that know references rather than ids. */
  controlRefs: z.array(controlRefInput).max(100).default([]),
};

function expiryAfterValidFrom(
  v: { validFrom?: string | undefined; expiresAt: string | null },
  ctx: z.RefinementCtx,
) {
  if (!v.expiresAt) return;
  const from = v.validFrom ? toDate(v.validFrom) : new Date();
  if (toDate(v.expiresAt) <= from) {
    ctx.addIssue({
      code: 'custom',
      path: ['expiresAt'],
      message: 'The expiry must be after the valid-from date',
    });
  }
}

export const evidenceFileFieldsSchema = z.strictObject(evidenceFields).superRefine(expiryAfterValidFrom);
export type EvidenceFileFields = z.output<typeof evidenceFileFieldsSchema>;

export const httpUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'A link must be an http:// or https:// address' }));

export const evidenceLinkInputSchema = z
  .strictObject({ ...evidenceFields, url: httpUrlSchema })
  .superRefine(expiryAfterValidFrom);
export type EvidenceLinkInput = z.input<typeof evidenceLinkInputSchema>;

export const evidencePatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(300).optional(),
    description: z.string().trim().max(10_000).optional(),
    validFrom: instantSchema.optional(),
    expiresAt: instantSchema.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');
export type EvidencePatch = z.input<typeof evidencePatchSchema>;

export const evidenceControlsRequestSchema = z
  .strictObject({
    controlIds: z.array(z.string().uuid()).max(100).default([]),
    controlRefs: z.array(controlRefInput).max(100).default([]),
  })
  .refine((v) => v.controlIds.length + v.controlRefs.length > 0, 'Name at least one control');

export const evidenceReviewRequestSchema = z.strictObject({});

/** `stale` is everything that does not count today: expired or not yet valid. */
export const evidenceStateFilterSchema = z.enum(['fresh', 'stale', 'expired', 'pending']);

export const evidenceListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  after: afterCursorSchema,
  controlId: z.string().uuid().optional(),
  checkId: z.string().uuid().optional(),
  kind: evidenceKindSchema.optional(),
  state: evidenceStateFilterSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type EvidenceListQuery = z.infer<typeof evidenceListQuerySchema>;

export const evidenceControlParams = z.strictObject({ id: z.string().uuid(), controlId: z.string().uuid() });
