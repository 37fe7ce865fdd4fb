import { z } from 'zod';

export const assetTypes = [
  'information',
  'service',
  'hardware',
  'software',
  'site',
  'people',
  'supplier',
] as const;
export const assetTypeSchema = z.enum(assetTypes);
export type AssetType = z.infer<typeof assetTypeSchema>;

export const classifications = ['public', 'internal', 'confidential', 'restricted'] as const;
export const classificationSchema = z.enum(classifications);
export type Classification = z.infer<typeof classificationSchema>;

const namedRef = z.object({ id: z.string().uuid(), name: z.string() });

export const assetSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  type: assetTypeSchema,
  classification: classificationSchema,
  owner: namedRef.nullable(),
  location: z.object({ id: z.string().uuid(), code: z.string(), name: z.string() }).nullable(),
  service: namedRef.nullable(),
  riskCount: z.number().int(),
  updatedAt: z.string(),
});
export type Asset = z.infer<typeof assetSchema>;

export const assetInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  type: assetTypeSchema,
  classification: classificationSchema.default('internal'),
  ownerId: z.string().uuid().nullable().default(null),
  locationId: z.string().uuid().nullable().default(null),
  serviceId: z.string().uuid().nullable().default(null),
});
export type AssetInput = z.input<typeof assetInputSchema>;

export const assetPatchSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(4000).optional(),
    type: assetTypeSchema.optional(),
    classification: classificationSchema.optional(),
    ownerId: z.string().uuid().nullable().optional(),
    locationId: z.string().uuid().nullable().optional(),
    serviceId: z.string().uuid().nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');
export type AssetPatch = z.input<typeof assetPatchSchema>;

export const assetListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(200).optional(),
  type: assetTypeSchema.optional(),
  classification: classificationSchema.optional(),
  ownerId: z.string().uuid().optional(),
  locationId: z.string().uuid().optional(),
  serviceId: z.string().uuid().optional(),
});
export type AssetListQuery = z.infer<typeof assetListQuerySchema>;
