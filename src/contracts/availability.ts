import { z } from 'zod';

export const outageImpacts = ['full', 'partial'] as const;
export const outageImpactSchema = z.enum(outageImpacts);
export type OutageImpact = z.infer<typeof outageImpactSchema>;

export const outageSources = ['manual', 'upptime', 'prometheus', 'gatus', 'uptime-kuma'] as const;
export type OutageSource = (typeof outageSources)[number];

const instant = z.iso.datetime({
  offset: true,
  message: 'Write a date and time with its offset, e.g. 2026-12-03T10:15:00+01:00',
});

export const outageInputSchema = z.strictObject({
  title: z.string().trim().min(1, 'An outage needs a title').max(200),
  serviceIds: z.array(z.uuid()).min(1, 'Name at least one affected service').max(100),
  /** Empty: every location. */
  locationIds: z.array(z.uuid()).max(100).default([]),
  startedAt: instant,
  endedAt: instant.nullable().default(null),
  impact: outageImpactSchema,
  /** Planned maintenance; excluded from the SLA when announced before it started. */
  planned: z.boolean().default(false),
  announcedAt: instant.nullable().default(null),
  customerCaused: z.boolean().default(false),
  incidentId: z.uuid().nullable().default(null),
});
export type OutageInput = z.input<typeof outageInputSchema>;

export const outageSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  serviceIds: z.array(z.string()),
  locationIds: z.array(z.string()),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  impact: outageImpactSchema,
  planned: z.boolean(),
  announcedAt: z.string().nullable(),
  customerCaused: z.boolean(),
  incidentId: z.string().nullable(),
  source: z.enum(outageSources),
  /** Whether the SLA excludes it: announced maintenance or caused by the customer. */
  excluded: z.boolean(),
});
export type Outage = z.infer<typeof outageSchema>;

export const outageListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  serviceId: z.uuid().optional(),
});

export const availabilityQuerySchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month is written YYYY-MM, e.g. 2026-11'),
});

export const availabilityRowSchema = z.object({
  serviceId: z.string(),
  service: z.string(),
  locationId: z.string().nullable(),
  location: z.string().nullable(),
  month: z.string(),
  minutes: z.number().int(),
  downMinutes: z.number(),
  /** Partial outages: reported, not counted as downtime. */
  partialMinutes: z.number(),
  excludedMinutes: z.number(),
  availability: z.number(),
  target: z.number(),
  met: z.boolean(),
  /** Service credit in per cent of the monthly fee, from the credit table. */
  credit: z.number(),
});
export type AvailabilityRow = z.infer<typeof availabilityRowSchema>;

export const creditTierSchema = z.strictObject({
  /** Availability below this per cent earns `credit` per cent of the monthly fee. */
  below: z.number().gt(0).max(100),
  credit: z.number().min(0).max(100),
});

export const slaSettingsSchema = z.strictObject({
  target: z.number().gt(0).max(100),
  serviceTargets: z.record(z.uuid(), z.number().gt(0).max(100)),
  creditTable: z.array(creditTierSchema).max(20),
});
export type SlaSettings = z.infer<typeof slaSettingsSchema>;

export const importResultSchema = z.object({
  importId: z.string(),
  sha256: z.string(),
  added: z.number().int(),
  alreadyKnown: z.number().int(),
  repeated: z.boolean(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Whether monitoring imports may contact private networks (loopback, RFC 1918): an administrator's decision. */
export const monitoringNetworkSchema = z.strictObject({ allowPrivateNetworks: z.boolean() });
export type MonitoringNetwork = z.infer<typeof monitoringNetworkSchema>;
