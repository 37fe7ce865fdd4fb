import { z } from 'zod';

/**
 * The one shape every framework source produces before it reaches the database: the built-in catalogues,
 * the OSCAL catalog/profile importer and any future importer. Requirements are a flat list in display order;
 * the hierarchy is expressed with `parentKey`.
 */
export const requirementKinds = ['group', 'requirement'] as const;
export const requirementKindSchema = z.enum(requirementKinds);
export type RequirementKind = z.infer<typeof requirementKindSchema>;

export const catalogParameterSchema = z.strictObject({
  id: z.string().min(1).max(200),
  label: z.string().max(2000).optional(),
  values: z.array(z.string().max(4000)).max(200).default([]),
  choices: z.array(z.string().max(4000)).max(200).default([]),
});
export type CatalogParameter = z.infer<typeof catalogParameterSchema>;

export const catalogRequirementSchema = z.strictObject({
  /** Stable identifier inside the framework (OSCAL control id, e.g. `ac-2.1`; built-ins e.g. `a.5.1`). */
  key: z.string().min(1).max(200),
  /** What people see and cite, e.g. `A.5.1`, `AC-2(1)`, `Art. 32`, `21(2)(e)`. */
  ref: z.string().min(1).max(100),
  parentKey: z.string().min(1).max(200).nullable(),
  kind: requirementKindSchema,
  title: z.string().min(1).max(500),
  /** Markdown. For built-ins our own one-line guidance; for OSCAL the statement with parameters inserted. */
  statement: z.string().max(100_000).default(''),
  guidance: z.string().max(100_000).default(''),
  params: z.array(catalogParameterSchema).max(200).default([]),
  /** Free-form labels such as the OSCAL `class`, ISO theme (organizational/people/physical/technological). */
  labels: z.record(z.string().max(100), z.string().max(500)).default({}),
});
export type CatalogRequirement = z.infer<typeof catalogRequirementSchema>;

export const frameworkSources = ['builtin', 'oscal', 'custom'] as const;
export const frameworkSourceSchema = z.enum(frameworkSources);

export const catalogSchema = z
  .strictObject({
    /** Stable identifier, e.g. `iso27001-2022`, `nist-800-53-rev5-low`. Lower-case, digits and dashes. */
    key: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,79}$/,
        'Framework key must be 2–80 lower-case letters, digits, dots or dashes',
      ),
    name: z.string().min(1).max(200),
    version: z.string().max(100).default(''),
    publisher: z.string().max(200).default(''),
    description: z.string().max(4000).default(''),
    /** Licence and attribution of the source text, shown wherever the requirements are shown. */
    attribution: z.string().max(2000).default(''),
    source: frameworkSourceSchema,
    requirements: z.array(catalogRequirementSchema).min(1).max(50_000),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    for (const [index, requirement] of catalog.requirements.entries()) {
      if (seen.has(requirement.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['requirements', index, 'key'],
          message: `Duplicate requirement key ${requirement.key}`,
        });
      }
      if (requirement.parentKey !== null && !seen.has(requirement.parentKey)) {
        ctx.addIssue({
          code: 'custom',
          path: ['requirements', index, 'parentKey'],
          message: `Requirement ${requirement.key} names parent ${requirement.parentKey}, which does not come before it`,
        });
      }
      seen.add(requirement.key);
    }
  });
export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogInput = z.input<typeof catalogSchema>;

/** How a requirement of one framework relates to one of another (NIST IR 8477 set-theory relationships). */
export const mappingRelationships = [
  'equivalent',
  'subset-of',
  'superset-of',
  'intersects',
  'related',
] as const;
export const mappingRelationshipSchema = z.enum(mappingRelationships);
export type MappingRelationship = z.infer<typeof mappingRelationshipSchema>;

export const catalogMappingSchema = z.strictObject({
  sourceFramework: z.string().min(1).max(80),
  sourceRef: z.string().min(1).max(100),
  targetFramework: z.string().min(1).max(80),
  targetRef: z.string().min(1).max(100),
  relationship: mappingRelationshipSchema,
  note: z.string().max(2000).default(''),
});
export type CatalogMapping = z.infer<typeof catalogMappingSchema>;
