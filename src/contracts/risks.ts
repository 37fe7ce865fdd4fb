import { z } from 'zod';
import { afterCursorSchema } from './paging.js';
import { controlStatusSchema } from './soa.js';

export const riskLevels = ['low', 'medium', 'high', 'critical'] as const;
export const riskLevelSchema = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export const treatments = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export const treatmentSchema = z.enum(treatments);
export type Treatment = z.infer<typeof treatmentSchema>;

export const riskStatuses = ['open', 'treating', 'accepted', 'closed'] as const;
export const riskStatusSchema = z.enum(riskStatuses);
export type RiskStatus = z.infer<typeof riskStatusSchema>;

/** A calendar date, YYYY-MM-DD, that exists. */
export const isoDateSchema = z.iso.date('Dates are written YYYY-MM-DD, e.g. 2027-03-31');

const labels = z
  .array(z.string().trim().min(1, 'Every level needs a label').max(40))
  .min(3, 'A matrix has 3 to 5 levels')
  .max(5, 'A matrix has 3 to 5 levels');

/** Scores at or above a threshold fall into that band; below `medium` is low. */
export const scoreBandsSchema = z.strictObject({
  medium: z.number().int().min(2),
  high: z.number().int().min(3),
  critical: z.number().int().min(4),
});
export type ScoreBands = z.infer<typeof scoreBandsSchema>;

export const riskMatrixSchema = z.object({
  likelihoodLabels: z.array(z.string()),
  impactLabels: z.array(z.string()),
  bands: scoreBandsSchema,
  /** null while the organisation uses the default matrix. */
  updatedAt: z.string().nullable(),
});
export type RiskMatrix = z.infer<typeof riskMatrixSchema>;

/** The level a score falls into: at or above a band's threshold, below `medium` is low. */
export function levelOfScore(score: number, bands: ScoreBands): RiskLevel {
  if (score >= bands.critical) return 'critical';
  if (score >= bands.high) return 'high';
  if (score >= bands.medium) return 'medium';
  return 'low';
}

export interface RiskScores {
  inherentLikelihood: number;
  inherentImpact: number;
  residualLikelihood: number;
  residualImpact: number;
}

/**
 * Every score outside the matrix, and every residual value above its inherent one (treatment only lowers a
 * risk), each at its own field — checked alike by the server and by the form before it sends.
 */
export function riskScoreProblems(
  s: RiskScores,
  matrix: Pick<RiskMatrix, 'likelihoodLabels' | 'impactLabels'>,
): { path: keyof RiskScores; message: string; summary: string }[] {
  const sizes = { Likelihood: matrix.likelihoodLabels.length, Impact: matrix.impactLabels.length };
  const problems: { path: keyof RiskScores; message: string; summary: string }[] = [];
  for (const [path, value, axis] of [
    ['inherentLikelihood', s.inherentLikelihood, 'Likelihood'],
    ['inherentImpact', s.inherentImpact, 'Impact'],
    ['residualLikelihood', s.residualLikelihood, 'Likelihood'],
    ['residualImpact', s.residualImpact, 'Impact'],
  ] as const) {
    if (value > sizes[axis]) {
      problems.push({
        path,
        message: `Choose 1 to ${sizes[axis]}`,
        summary: `${axis} ${value} is outside the risk matrix, which has ${sizes[axis]} ${axis.toLowerCase()} levels`,
      });
    }
  }
  if (problems.length > 0) return problems;
  const summary =
    'The residual likelihood and impact cannot exceed the inherent ones: treatment only lowers a risk';
  if (s.residualLikelihood > s.inherentLikelihood)
    problems.push({ path: 'residualLikelihood', message: 'Must not exceed the inherent value', summary });
  if (s.residualImpact > s.inherentImpact)
    problems.push({ path: 'residualImpact', message: 'Must not exceed the inherent value', summary });
  return problems;
}

export const riskMatrixInputSchema = z.strictObject({
  likelihoodLabels: labels,
  impactLabels: labels,
  bands: scoreBandsSchema,
});
export type RiskMatrixInput = z.input<typeof riskMatrixInputSchema>;

const ref = z.object({ id: z.string().uuid(), name: z.string() });

export const riskScoreSchema = z.object({
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  level: riskLevelSchema,
});
export type RiskScore = z.infer<typeof riskScoreSchema>;

export const riskSummarySchema = z.object({
  id: z.string().uuid(),
  ref: z.string(),
  title: z.string(),
  owner: ref.nullable(),
  inherent: riskScoreSchema,
  residual: riskScoreSchema,
  treatment: treatmentSchema.nullable(),
  status: riskStatusSchema,
  reviewDate: z.string().nullable(),
  /** The review date has passed and the risk is not closed. */
  reviewOverdue: z.boolean(),
  controlCount: z.number().int(),
  updatedAt: z.string(),
});
export type RiskSummary = z.infer<typeof riskSummarySchema>;

export const riskControlSchema = z.object({
  id: z.string().uuid(),
  ref: z.string(),
  title: z.string(),
  status: controlStatusSchema,
});

export const riskDetailSchema = riskSummarySchema.extend({
  description: z.string(),
  threat: z.string(),
  vulnerability: z.string(),
  assets: z.array(ref),
  controls: z.array(riskControlSchema),
  acceptance: z
    .object({
      approver: ref,
      expiresOn: z.string(),
      expired: z.boolean(),
      /** When the approver approved it; null while the acceptance waits for them. */
      approvedAt: z.string().nullable(),
    })
    .nullable(),
  transferTo: z.string().nullable(),
  createdAt: z.string(),
});
export type RiskDetail = z.infer<typeof riskDetailSchema>;

const level = z.number().int().min(1, 'Levels start at 1').max(5, 'A matrix has at most 5 levels');
const text = (max: number) => z.string().trim().max(max);

const riskFields = {
  title: z.string().trim().min(1, 'A risk needs a title').max(300),
  description: text(20_000),
  threat: text(2000),
  vulnerability: text(2000),
  assetIds: z.array(z.string().uuid()).max(200),
  ownerId: z.string().uuid().nullable(),
  inherentLikelihood: level,
  inherentImpact: level,
  residualLikelihood: level,
  residualImpact: level,
  treatment: treatmentSchema.nullable(),
  /** Mitigating controls; a risk treated by mitigation needs at least one. */
  controlIds: z.array(z.string().uuid()).max(200),
  /** For acceptance: a compliance manager or admin. */
  acceptanceApproverId: z.string().uuid().nullable(),
  acceptanceExpiresOn: isoDateSchema.nullable(),
  transferTo: text(300).nullable(),
  status: riskStatusSchema,
  reviewDate: isoDateSchema.nullable(),
};

export const riskInputSchema = z.strictObject({
  title: riskFields.title,
  description: riskFields.description.default(''),
  threat: riskFields.threat.default(''),
  vulnerability: riskFields.vulnerability.default(''),
  assetIds: riskFields.assetIds.default([]),
  ownerId: riskFields.ownerId.default(null),
  inherentLikelihood: riskFields.inherentLikelihood,
  inherentImpact: riskFields.inherentImpact,
  /** Equal to the inherent value when left out. */
  residualLikelihood: riskFields.residualLikelihood.optional(),
  residualImpact: riskFields.residualImpact.optional(),
  treatment: riskFields.treatment.default(null),
  controlIds: riskFields.controlIds.default([]),
  acceptanceApproverId: riskFields.acceptanceApproverId.default(null),
  acceptanceExpiresOn: riskFields.acceptanceExpiresOn.default(null),
  transferTo: riskFields.transferTo.default(null),
  status: riskFields.status.default('open'),
  reviewDate: riskFields.reviewDate.default(null),
});
export type RiskInput = z.input<typeof riskInputSchema>;

export const riskPatchSchema = z
  .strictObject(
    Object.fromEntries(Object.entries(riskFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof riskFields]: z.ZodOptional<(typeof riskFields)[K]>;
    },
  )
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');
export type RiskPatch = z.input<typeof riskPatchSchema>;

const heatmapCellParam = z
  .string()
  .regex(/^[1-5]-[1-5]$/, 'A heatmap cell is written likelihood-impact, e.g. 4-5');

export const riskListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  after: afterCursorSchema,
  q: z.string().trim().max(200).optional(),
  /** The level of the residual score. */
  level: riskLevelSchema.optional(),
  /** `none`: risks not treated yet. */
  treatment: z.enum([...treatments, 'none']).optional(),
  status: riskStatusSchema.optional(),
  ownerId: z.string().uuid().optional(),
  assetId: z.string().uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** One heatmap cell, `likelihood-impact` (e.g. `4-5`), of the inherent or the residual score; closed risks are left out, as in the heatmap. */
  inherent: heatmapCellParam.optional(),
  residual: heatmapCellParam.optional(),
});
export type RiskListQuery = z.infer<typeof riskListQuerySchema>;

export const heatmapCellSchema = z.object({
  likelihood: z.number().int(),
  impact: z.number().int(),
  count: z.number().int(),
});
export const riskHeatmapSchema = z.object({
  likelihoodLabels: z.array(z.string()),
  impactLabels: z.array(z.string()),
  bands: scoreBandsSchema,
  /** Cells with at least one risk; closed risks are left out. */
  inherent: z.array(heatmapCellSchema),
  residual: z.array(heatmapCellSchema),
});
export type RiskHeatmap = z.infer<typeof riskHeatmapSchema>;

export const riskOverviewSchema = z.object({
  /** Risks that are not closed, by residual level. */
  openByLevel: z.object({ low: z.number(), medium: z.number(), high: z.number(), critical: z.number() }),
  overdueReviews: z.number().int(),
  untreated: z.number().int(),
});
export type RiskOverview = z.infer<typeof riskOverviewSchema>;

export const riskHistoryEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type RiskHistoryEvent = z.infer<typeof riskHistoryEventSchema>;
