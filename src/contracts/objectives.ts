import { z } from 'zod';
import { calendarDaySchema } from './audits.js';
import { pageQuerySchema } from './paging.js';

export const objectiveAreas = [
  'information-security',
  'quality',
  'environment',
  'work-environment',
  'fire-safety',
] as const;
export const objectiveAreaSchema = z.enum(objectiveAreas);
export type ObjectiveArea = z.infer<typeof objectiveAreaSchema>;

export const kpiDirections = ['higher-is-better', 'lower-is-better'] as const;
export const kpiDirectionSchema = z.enum(kpiDirections);
export type KpiDirection = z.infer<typeof kpiDirectionSchema>;

/** on-track: the target is met; at-risk: between threshold and target; off-track: worse. */
export const kpiStatuses = ['no-data', 'on-track', 'at-risk', 'off-track'] as const;
export const kpiStatusSchema = z.enum(kpiStatuses);
export type KpiStatus = z.infer<typeof kpiStatusSchema>;

const finite = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine(Number.isFinite, `${what} must be a finite number`);

export const kpiInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'A KPI needs a name').max(200),
  unit: z.string().trim().max(40).default(''),
  direction: kpiDirectionSchema,
  target: finite('The target'),
  threshold: finite('The threshold').nullable().default(null),
});
export type KpiInput = z.input<typeof kpiInputSchema>;

export const objectiveInputSchema = z.strictObject({
  title: z.string().trim().min(1, 'An objective needs a title').max(200),
  description: z.string().max(10_000).default(''),
  ownerId: z.uuid({ error: 'An objective needs an owner' }),
  area: objectiveAreaSchema,
  dueDate: calendarDaySchema,
  kpis: z.array(kpiInputSchema).max(20).default([]),
});
export type ObjectiveInput = z.input<typeof objectiveInputSchema>;

export const measurementInputSchema = z.strictObject({
  value: finite('The value'),
  measuredAt: z.iso.datetime({ offset: true, error: 'measuredAt must be an ISO 8601 date-time' }),
  note: z.string().max(2000).default(''),
});
export type MeasurementInput = z.input<typeof measurementInputSchema>;

export const measurementSchema = z.object({
  id: z.string().uuid(),
  value: z.number(),
  measuredAt: z.string(),
  note: z.string(),
  recordedByName: z.string().nullable(),
});
export type Measurement = z.infer<typeof measurementSchema>;

export const kpiSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  unit: z.string(),
  direction: kpiDirectionSchema,
  target: z.number(),
  threshold: z.number().nullable(),
  latest: z.object({ value: z.number(), measuredAt: z.string() }).nullable(),
  status: kpiStatusSchema,
});
export type Kpi = z.infer<typeof kpiSchema>;

export const objectiveSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  description: z.string(),
  ownerId: z.string().uuid(),
  ownerName: z.string(),
  area: objectiveAreaSchema,
  dueDate: z.string(),
  kpis: z.array(kpiSchema),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const objectiveListQuerySchema = pageQuerySchema.extend({ area: objectiveAreaSchema.optional() });
export type ObjectiveListQuery = z.infer<typeof objectiveListQuerySchema>;

/** Compares the latest value with target and threshold in the KPI's direction. */
export function kpiStatusOf(
  kpi: { direction: KpiDirection; target: number; threshold: number | null },
  value: number | null,
): KpiStatus {
  if (value === null) return 'no-data';
  const better = (a: number, b: number) => (kpi.direction === 'higher-is-better' ? a >= b : a <= b);
  if (better(value, kpi.target)) return 'on-track';
  if (kpi.threshold !== null && better(value, kpi.threshold)) return 'at-risk';
  return 'off-track';
}
