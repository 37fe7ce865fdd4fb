import { z } from 'zod';

export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Country must be an ISO 3166-1 alpha-2 code such as SE or NO');

export const locationSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  city: z.string(),
  country: z.string(),
  createdAt: z.string(),
});
export type Location = z.infer<typeof locationSchema>;

export const locationInputSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,15}$/, 'Code must be 2–16 upper-case letters, digits or dashes, e.g. STO1'),
  name: z.string().trim().min(1).max(200),
  city: z.string().trim().min(1).max(100),
  country: countryCodeSchema,
});
export const locationPatchSchema = locationInputSchema
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');

export const serviceSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
});
export type Service = z.infer<typeof serviceSchema>;

export const serviceInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
});
export const servicePatchSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(4000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');

export const organizationSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  securityContactEmail: z.string().nullable(),
  locations: z.array(locationSchema),
  services: z.array(serviceSchema),
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationPatchSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    securityContactEmail: z.email().max(254).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'At least one field must be given');
