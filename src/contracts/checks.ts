import { z } from 'zod';
import {
  checkOutcomeSchema,
  checkTriggerSchema,
  controlRefSchema,
  instantSchema,
  personRefSchema,
} from './evidence.js';

export const checkKinds = [
  'metric-threshold',
  'freshness',
  'ci-push',
  'vulnerability-fix-by',
  'vulnerability-scan-age',
] as const;
export const checkKindSchema = z.enum(checkKinds);
export type CheckKind = z.infer<typeof checkKindSchema>;

export const checkStatuses = ['unknown', 'passing', 'failing'] as const;
export const checkStatusSchema = z.enum(checkStatuses);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

export const metricNameSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/,
    'A metric name: letters, digits, dots, dashes, e.g. room-temperature',
  );
export const metricSubjectSchema = z.string().trim().max(100);

const hours = z
  .number()
  .int()
  .min(1)
  .max(24 * 366);

/** Passes when every sample of `metric` (for `subject`, when given) in the window lies within [min, max]. */
export const metricThresholdConfigSchema = z
  .strictObject({
    metric: metricNameSchema,
    subject: metricSubjectSchema.optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    windowHours: hours,
    /** Fewer samples than this in the window is a failure: nothing proves the range was kept. */
    minSamples: z.number().int().min(1).max(1_000_000).default(1),
  })
  .refine((c) => c.min !== undefined || c.max !== undefined, {
    message: 'Give a minimum, a maximum or both',
    path: ['min'],
  })
  .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
    message: 'The minimum must not be above the maximum',
    path: ['max'],
  });

/** Passes when the newest file or link evidence of the check's controls proves a date within maxAgeDays. */
export const freshnessConfigSchema = z.strictObject({ maxAgeDays: z.number().int().min(1).max(3660) });

/** Results are pushed from outside (CI); a scheduled run fails when none arrived within maxAgeHours. */
export const ciPushConfigSchema = z.strictObject({ maxAgeHours: hours });

/** Passes when no finding of `severity` or worse is open or in progress past its fix-by date. */
export const vulnerabilityFixByConfigSchema = z.strictObject({
  severity: z.enum(['critical', 'high']).default('critical'),
});

/**
 * Passes when every production asset (hardware or software of a service) has a scan target scanned within
 * maxAgeDays; an asset never mapped to a scan target fails it.
 */
export const vulnerabilityScanAgeConfigSchema = z.strictObject({
  maxAgeDays: z.number().int().min(1).max(366).default(7),
});

export const checkConfigSchemas = {
  'metric-threshold': metricThresholdConfigSchema,
  freshness: freshnessConfigSchema,
  'ci-push': ciPushConfigSchema,
  'vulnerability-fix-by': vulnerabilityFixByConfigSchema,
  'vulnerability-scan-age': vulnerabilityScanAgeConfigSchema,
} as const;

export type MetricThresholdConfig = z.output<typeof metricThresholdConfigSchema>;
export type FreshnessConfig = z.output<typeof freshnessConfigSchema>;
export type CiPushConfig = z.output<typeof ciPushConfigSchema>;
export type VulnerabilityFixByConfig = z.output<typeof vulnerabilityFixByConfigSchema>;
export type VulnerabilityScanAgeConfig = z.output<typeof vulnerabilityScanAgeConfigSchema>;

const checkCommon = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  /** Five-field cron expression (UTC), e.g. `0 * * * *`; null runs only on demand or by push. */
  schedule: z.string().trim().max(100).nullable().default(null),
  evidenceValidityDays: z.number().int().min(1).max(3660).default(7),
  ownerId: z.string().uuid().nullable().default(null),
  controlIds: z.array(z.string().uuid()).max(200).default([]),
};

export const checkInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...checkCommon,
    kind: z.literal('metric-threshold'),
    config: metricThresholdConfigSchema,
  }),
  z.strictObject({ ...checkCommon, kind: z.literal('freshness'), config: freshnessConfigSchema }),
  z.strictObject({ ...checkCommon, kind: z.literal('ci-push'), config: ciPushConfigSchema }),
  z.strictObject({
    ...checkCommon,
    kind: z.literal('vulnerability-fix-by'),
    config: vulnerabilityFixByConfigSchema,
  }),
  z.strictObject({
    ...checkCommon,
    kind: z.literal('vulnerability-scan-age'),
    config: vulnerabilityScanAgeConfigSchema,
  }),
]);
export type CheckInput = z.input<typeof checkInputSchema>;

/** The kind cannot change; `config` is checked against the check's kind. `controlIds` replaces the links. */
export const checkPatchSchema = z
  .strictObject({
    name: checkCommon.name.optional(),
    description: z.string().trim().max(4000).optional(),
    schedule: z.string().trim().max(100).nullable().optional(),
    evidenceValidityDays: z.number().int().min(1).max(3660).optional(),
    ownerId: z.string().uuid().nullable().optional(),
    controlIds: z.array(z.string().uuid()).max(200).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');
export type CheckPatch = z.input<typeof checkPatchSchema>;

const checkOutputCommon = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  schedule: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  evidenceValidityDays: z.number().int(),
  owner: personRefSchema.nullable(),
  status: checkStatusSchema,
  lastRunAt: z.string().nullable(),
  controls: z.array(controlRefSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const checkSchema = z.discriminatedUnion('kind', [
  checkOutputCommon.extend({ kind: z.literal('metric-threshold'), config: metricThresholdConfigSchema }),
  checkOutputCommon.extend({ kind: z.literal('freshness'), config: freshnessConfigSchema }),
  checkOutputCommon.extend({ kind: z.literal('ci-push'), config: ciPushConfigSchema }),
  checkOutputCommon.extend({
    kind: z.literal('vulnerability-fix-by'),
    config: vulnerabilityFixByConfigSchema,
  }),
  checkOutputCommon.extend({
    kind: z.literal('vulnerability-scan-age'),
    config: vulnerabilityScanAgeConfigSchema,
  }),
]);
export type Check = z.infer<typeof checkSchema>;

export const checkListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: checkStatusSchema.optional(),
  kind: checkKindSchema.optional(),
  controlId: z.string().uuid().optional(),
  q: z.string().trim().max(200).optional(),
});
export type CheckListQuery = z.infer<typeof checkListQuerySchema>;

export const checkResultSchema = z.object({
  evidenceId: z.string().uuid(),
  checkId: z.string().uuid(),
  outcome: checkOutcomeSchema,
  trigger: checkTriggerSchema,
  summary: z.string(),
  observedAt: z.string(),
  expiresAt: z.string().nullable(),
  details: z.unknown().nullable(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const MAX_RESULT_DETAILS_BYTES = 64 * 1024;

/** A result pushed from outside, e.g. CI with an API token. */
export const checkResultPushSchema = z.strictObject({
  outcome: checkOutcomeSchema,
  summary: z.string().trim().min(1).max(2000),
  details: z
    .json()
    .optional()
    .refine((d) => d === undefined || JSON.stringify(d).length <= MAX_RESULT_DETAILS_BYTES, {
      message: `details must be at most ${MAX_RESULT_DETAILS_BYTES / 1024} KiB of JSON`,
    }),
  /** When the result was observed; now when left out. */
  observedAt: instantSchema.optional(),
});
export type CheckResultPush = z.input<typeof checkResultPushSchema>;

export const MAX_SAMPLES_PER_REQUEST = 10_000;

export const metricSampleInputSchema = z.strictObject({
  metric: metricNameSchema,
  subject: metricSubjectSchema.default(''),
  value: z.number().finite(),
  observedAt: z.iso.datetime({ offset: true }),
});
export type MetricSampleInput = z.input<typeof metricSampleInputSchema>;

export const metricSamplesRequestSchema = z.strictObject({
  samples: z.array(metricSampleInputSchema).min(1).max(MAX_SAMPLES_PER_REQUEST),
});

export const metricSamplesResponseSchema = z.object({ recorded: z.number().int() });

export const metricSampleSchema = z.object({
  id: z.string().uuid(),
  metric: z.string(),
  subject: z.string(),
  value: z.number(),
  observedAt: z.string(),
});
export type MetricSample = z.infer<typeof metricSampleSchema>;

export const metricSampleListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  metric: metricNameSchema,
  subject: metricSubjectSchema.optional(),
});
