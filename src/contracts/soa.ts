import { z } from 'zod';

/** What the organisation does about a control, set by its owner. */
export const controlStatuses = ['not-started', 'in-progress', 'implemented'] as const;
export const controlStatusSchema = z.enum(controlStatuses);
export type ControlStatus = z.infer<typeof controlStatusSchema>;

/**
 * The implementation status of one requirement in the Statement of Applicability, derived from applicability
 * and the statuses of the controls mapped to it.
 */
export const requirementImplementationStatuses = [
  'undecided',
  'not-applicable',
  'not-addressed',
  'not-started',
  'in-progress',
  'implemented',
] as const;
export const requirementImplementationStatusSchema = z.enum(requirementImplementationStatuses);
export type RequirementImplementationStatus = z.infer<typeof requirementImplementationStatusSchema>;

export const soaControlSchema = z.object({
  ref: z.string(),
  title: z.string(),
  status: controlStatusSchema,
  /** `Baseline` or the service name. */
  scope: z.string(),
});
export type SoaControl = z.infer<typeof soaControlSchema>;

export const soaRowSchema = z.object({
  ref: z.string(),
  title: z.string(),
  /** The group the requirement sits in, e.g. `5 Organizational controls`. */
  group: z.string(),
  /** null while nobody has decided. */
  applicable: z.boolean().nullable(),
  justification: z.string(),
  implementationStatus: requirementImplementationStatusSchema,
  controls: z.array(soaControlSchema),
});
export type SoaRow = z.infer<typeof soaRowSchema>;

export const soaDocumentSchema = z.object({
  organizationName: z.string(),
  frameworkName: z.string(),
  frameworkVersion: z.string(),
  /** null for the organisation as a whole; a service name for the per-service view. */
  serviceName: z.string().nullable(),
  generatedAt: z.string(),
  rows: z.array(soaRowSchema),
});
export type SoaDocument = z.infer<typeof soaDocumentSchema>;
