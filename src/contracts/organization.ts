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

const serviceLocationSchema = z.strictObject({
  locationId: z.uuid(),
  /** Whether customer data is stored there (false: the service only runs there, e.g. a control plane). */
  storesData: z.boolean().default(true),
});
const drPairingSchema = z.strictObject({ primaryLocationId: z.uuid(), drLocationId: z.uuid() });

export const serviceSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  /** Where the service runs and whether it stores customer data there. */
  locations: z.array(serviceLocationSchema),
  /** Disaster-recovery pairings offered: customers in the primary location may use the DR location. */
  drPairings: z.array(drPairingSchema),
  createdAt: z.string(),
});
export type Service = z.infer<typeof serviceSchema>;

const placementFields = {
  locations: z.array(serviceLocationSchema).max(100),
  drPairings: z.array(drPairingSchema).max(200),
};
export const serviceInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  locations: placementFields.locations.default([]),
  drPairings: placementFields.drPairings.default([]),
});
/** Given locations or DR pairings replace the service's whole set. */
export const servicePatchSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(4000).optional(),
    locations: placementFields.locations.optional(),
    drPairings: placementFields.drPairings.optional(),
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
