import { z } from 'zod';
import {
  catalogParameterSchema,
  frameworkSourceSchema,
  mappingRelationshipSchema,
  requirementKindSchema,
} from './catalog.js';
import { controlStatusSchema, requirementImplementationStatusSchema } from './soa.js';

export const frameworkSchema = z.object({
  id: z.string().uuid(),
  key: z.string(),
  name: z.string(),
  version: z.string(),
  publisher: z.string(),
  description: z.string(),
  attribution: z.string(),
  source: frameworkSourceSchema,
  requirementCount: z.number().int(),
  createdAt: z.string(),
});
export type Framework = z.infer<typeof frameworkSchema>;

/** A built-in catalogue that can be installed into the organisation. */
export const libraryFrameworkSchema = z.object({
  key: z.string(),
  name: z.string(),
  version: z.string(),
  description: z.string(),
  requirementCount: z.number().int(),
  installedFrameworkId: z.string().uuid().nullable(),
});
export type LibraryFramework = z.infer<typeof libraryFrameworkSchema>;

export const installBuiltinRequestSchema = z.strictObject({ key: z.string().min(1).max(80) });

export const importFrameworkRequestSchema = z.strictObject({
  format: z.enum(['oscal-catalog', 'oscal-profile']),
  /** The parsed OSCAL JSON document. */
  document: z.unknown(),
  /** Framework key to use instead of one derived from the title. */
  key: z.string().max(80).optional(),
  /** For profiles: the installed framework (key) that the profile's imports select from. */
  sourceFramework: z.string().max(80).optional(),
});
export type ImportFrameworkRequest = z.infer<typeof importFrameworkRequestSchema>;

export const requirementSummarySchema = z.object({
  id: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  key: z.string(),
  ref: z.string(),
  kind: requirementKindSchema,
  title: z.string(),
  depth: z.number().int(),
  applicable: z.boolean().nullable(),
  justification: z.string(),
  implementationStatus: requirementImplementationStatusSchema,
  controlCount: z.number().int(),
  mappingCount: z.number().int(),
});
export type RequirementSummary = z.infer<typeof requirementSummarySchema>;

export const requirementListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(500),
  q: z.string().trim().max(200).optional(),
  status: requirementImplementationStatusSchema.optional(),
});

export const mappedRequirementSchema = z.object({
  frameworkKey: z.string(),
  ref: z.string(),
  relationship: mappingRelationshipSchema,
  /** The direction is from the requirement being viewed to this one. */
  note: z.string(),
  /** Set when the other framework is installed and has this ref. */
  requirementId: z.string().uuid().nullable(),
  frameworkName: z.string().nullable(),
  title: z.string().nullable(),
});
export type MappedRequirement = z.infer<typeof mappedRequirementSchema>;

export const requirementControlSchema = z.object({
  id: z.string().uuid(),
  ref: z.string(),
  title: z.string(),
  status: controlStatusSchema,
  serviceName: z.string().nullable(),
});

export const requirementDetailSchema = requirementSummarySchema.extend({
  frameworkId: z.string().uuid(),
  frameworkKey: z.string(),
  frameworkName: z.string(),
  statement: z.string(),
  statementHtml: z.string(),
  guidance: z.string(),
  guidanceHtml: z.string(),
  params: z.array(catalogParameterSchema),
  labels: z.record(z.string(), z.string()),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  controls: z.array(requirementControlSchema),
  mappings: z.array(mappedRequirementSchema),
});
export type RequirementDetail = z.infer<typeof requirementDetailSchema>;

export const applicabilityRequestSchema = z
  .strictObject({
    applicable: z.boolean(),
    justification: z.string().trim().max(4000),
  })
  .refine((v) => v.justification.length >= 3, {
    message: 'A justification is required: say why the requirement is or is not applicable',
    path: ['justification'],
  });

export const bulkApplicabilityRequestSchema = z
  .strictObject({
    requirementIds: z.array(z.string().uuid()).min(1).max(5000),
    applicable: z.boolean(),
    justification: z.string().trim().max(4000),
  })
  .refine((v) => v.justification.length >= 3, {
    message: 'A justification is required: say why the requirements are or are not applicable',
    path: ['justification'],
  });

export const importMappingsRequestSchema = z.strictObject({ csv: z.string().min(1).max(20_000_000) });
export const importMappingsResponseSchema = z.object({
  imported: z.number().int(),
  unchanged: z.number().int(),
});

export const coverageSchema = z.object({
  frameworkId: z.string().uuid(),
  frameworkKey: z.string(),
  frameworkName: z.string(),
  requirements: z.number().int(),
  applicable: z.number().int(),
  notApplicable: z.number().int(),
  undecided: z.number().int(),
  /** Applicable requirements with at least one mapped control. */
  covered: z.number().int(),
  /** Applicable requirements whose mapped controls are all implemented. */
  implemented: z.number().int(),
  controls: z.number().int(),
  controlsImplemented: z.number().int(),
  evidenceFresh: z.number().int(),
  evidenceStale: z.number().int(),
  evidenceMissing: z.number().int(),
  failingControls: z.number().int(),
});
export type Coverage = z.infer<typeof coverageSchema>;

/** Drill-down filters of the coverage dashboard. */
export const coverageDrillDowns = [
  'undecided',
  'uncovered',
  'not-implemented',
  'evidence-stale',
  'evidence-missing',
  'failing',
] as const;
export const coverageDrillDownQuerySchema = z.strictObject({
  filter: z.enum(coverageDrillDowns),
  serviceId: z.string().uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A per-service view: the organisation-wide baseline controls plus the service's own. */
export const serviceScopeQuerySchema = z.strictObject({ serviceId: z.string().uuid().optional() });
