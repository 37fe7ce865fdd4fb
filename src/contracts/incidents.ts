import { z } from 'zod';
import { ncSeveritySchema } from './nonconformities.js';
import { afterCursorSchema } from './paging.js';

export const incidentCategories = [
  'availability',
  'confidentiality',
  'integrity',
  'physical',
  'personal-data',
] as const;
export const incidentCategorySchema = z.enum(incidentCategories);
export type IncidentCategory = z.infer<typeof incidentCategorySchema>;

export const incidentSeverities = ['low', 'medium', 'high', 'critical'] as const;
export const incidentSeveritySchema = z.enum(incidentSeverities);
export type IncidentSeverity = z.infer<typeof incidentSeveritySchema>;

/** The lifecycle, in order; an incident moves one step forward at a time. */
export const incidentStatuses = ['reported', 'triaged', 'contained', 'recovered', 'closed'] as const;
export const incidentStatusSchema = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

export const publicStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const publicStatusSchema = z.enum(publicStatuses);
export type PublicStatus = z.infer<typeof publicStatusSchema>;

export const timelineKinds = ['note', 'action', 'status', 'triage', 'report', 'public-update'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const reportTypes = [
  'nis2-early-warning',
  'nis2-notification',
  'nis2-final',
  'no-nsm-notice',
  'gdpr-authority',
  'gdpr-data-subjects',
] as const;
export const reportTypeSchema = z.enum(reportTypes);
export type ReportType = z.infer<typeof reportTypeSchema>;

export const reportStatuses = ['draft', 'submitted', 'withdrawn'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

const text = (max: number) => z.string().trim().max(max);
const instant = z.iso.datetime({
  offset: true,
  message: 'Write a date and time with its offset, e.g. 2026-12-03T10:15:00+01:00',
});
const ids = z.array(z.uuid()).max(100).default([]);

export const incidentInputSchema = z.strictObject({
  title: text(200).min(1, 'An incident needs a title'),
  description: text(20_000).default(''),
  category: incidentCategorySchema,
  severity: incidentSeveritySchema,
  /** When the organisation became aware: the reporting clocks start here. Never defaulted to now. */
  awareAt: instant,
  occurredAt: instant.optional(),
  serviceIds: ids,
  locationIds: ids,
  customersAffected: z.number().int().min(0).optional(),
  allCustomersAffected: z.boolean().default(false),
});
export type IncidentInput = z.input<typeof incidentInputSchema>;

export const incidentPatchSchema = z.strictObject({
  title: text(200).min(1).optional(),
  description: text(20_000).optional(),
  severity: incidentSeveritySchema.optional(),
  category: incidentCategorySchema.optional(),
  awareAt: instant.optional(),
  serviceIds: z.array(z.uuid()).max(100).optional(),
  locationIds: z.array(z.uuid()).max(100).optional(),
  customersAffected: z.number().int().min(0).nullable().optional(),
  allCustomersAffected: z.boolean().optional(),
  lessonsLearned: text(20_000).optional(),
  riskIds: z.array(z.uuid()).max(100).optional(),
  controlIds: z.array(z.uuid()).max(100).optional(),
});

export const transitionInputSchema = z.strictObject({
  to: incidentStatusSchema,
  note: text(2000).default(''),
});

export const timelineInputSchema = z.strictObject({
  kind: z.enum(['note', 'action']).default('note'),
  text: text(5000).min(1, 'A timeline entry needs text'),
  happenedAt: instant.optional(),
});

/** The triage questionnaire: Implementing Regulation (EU) 2024/2690 Art. 3, 7 and 8, GDPR Art. 33/34. */
export const triageInputSchema = z.strictObject({
  /** Art. 3(1)(a): financial loss over EUR 500 000 or 5 % of annual turnover, or capable of it. */
  seriousFinancialLoss: z.boolean(),
  /** Art. 3(1)(b): trade secrets exfiltrated or capable of being. */
  tradeSecretsExfiltrated: z.boolean(),
  /** Art. 3(1)(c)/(d): death or considerable damage to a person's health, or capable of it. */
  harmToPeople: z.boolean(),
  /** Art. 7(a) / 8(a): the service was completely unavailable for more than 30 minutes. */
  completelyUnavailableOver30Min: z.boolean(),
  /** Art. 7(b) / 8(b): limited availability for more than 5 % of EU users or more than 1 million users, over 1 hour. */
  limitedForManyUsersOver1Hour: z.boolean(),
  /** Art. 7(c)/(d) / 8(c)/(d): integrity, confidentiality or authenticity of data compromised, suspected malicious. */
  maliciousDataCompromise: z.boolean(),
  /** Art. 8(e): physical access to the data centre compromised. */
  physicalAccessCompromised: z.boolean(),
  /** Suspected unlawful or malicious acts (asked in the early warning). */
  suspectedMalicious: z.boolean(),
  /** Impact in another member state (asked in the early warning). */
  crossBorderImpact: z.boolean(),
  /** GDPR Art. 4(12): the incident is a personal-data breach. */
  personalDataBreach: z.boolean(),
  /** GDPR Art. 33(1)/34(1): unlikely to result in a risk, a risk, or a high risk to people's rights. */
  riskToPeople: z.enum(['none', 'unlikely', 'risk', 'high']).default('none'),
  /** Why, in the assessor's words; required when a personal-data breach is judged not notifiable. */
  reasoning: text(5000).default(''),
});
export type TriageInput = z.output<typeof triageInputSchema>;

export const dueReportSchema = z.object({
  type: reportTypeSchema,
  label: z.string(),
  authority: z.string(),
  /** UTC; null for "without undue delay". */
  dueAt: z.string().nullable(),
  rule: z.string(),
  dpvType: z.string().nullable(),
});
export type DueReport = z.infer<typeof dueReportSchema>;

export const reportSchema = z.object({
  id: z.uuid(),
  type: reportTypeSchema,
  label: z.string(),
  version: z.number().int(),
  authority: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  status: z.enum(reportStatuses),
  content: z.record(z.string(), z.string()),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submissionReference: z.string().nullable(),
});
export type IncidentReport = z.infer<typeof reportSchema>;

export const reportPatchSchema = z.strictObject({
  authority: text(300).min(1).optional(),
  content: z.record(z.string().max(60), text(20_000)).optional(),
});

export const reportSubmitSchema = z.strictObject({
  reference: text(200).min(1, 'Give the reference number the authority returned'),
  submittedAt: instant.optional(),
});

export const incidentSummarySchema = z.object({
  id: z.uuid(),
  ref: z.string(),
  title: z.string(),
  category: incidentCategorySchema,
  severity: incidentSeveritySchema,
  status: incidentStatusSchema,
  awareAt: z.string(),
  significant: z.boolean().nullable(),
  reporter: z.object({ id: z.string(), name: z.string() }).nullable(),
  nextDueAt: z.string().nullable(),
  overdueReports: z.number().int(),
  published: z.boolean(),
});
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

export const timelineEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(timelineKinds),
  happenedAt: z.string(),
  author: z.string().nullable(),
  text: z.string(),
});

export const incidentDetailSchema = incidentSummarySchema.extend({
  description: z.string(),
  occurredAt: z.string().nullable(),
  serviceIds: z.array(z.string()),
  locationIds: z.array(z.string()),
  customersAffected: z.number().int().nullable(),
  allCustomersAffected: z.boolean(),
  triage: triageInputSchema.nullable(),
  lessonsLearned: z.string(),
  riskIds: z.array(z.string()),
  controlIds: z.array(z.string()),
  nonconformityId: z.string().nullable(),
  publicTitle: z.string(),
  publicSummary: z.string(),
  publicStatus: publicStatusSchema,
  timeline: z.array(timelineEntrySchema),
  reports: z.array(reportSchema),
  closedAt: z.string().nullable(),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

export const incidentListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  after: afterCursorSchema,
  status: incidentStatusSchema.optional(),
  category: incidentCategorySchema.optional(),
  severity: incidentSeveritySchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

export const reviewInputSchema = z.strictObject({
  lessonsLearned: text(20_000).min(1, 'Write the lessons learned'),
  raiseNonconformity: z
    .strictObject({
      severity: ncSeveritySchema,
      description: text(5000).min(1),
    })
    .optional(),
});

export const publishInputSchema = z.strictObject({
  published: z.boolean(),
  publicTitle: text(200).min(1, 'A published incident needs a public title'),
  publicStatus: publicStatusSchema,
  /** The public update text; appended to the public history. */
  update: text(5000).min(1, 'Write the public update'),
});

export const incidentSettingsSchema = z.strictObject({
  mainEstablishment: z.string().regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. SE'),
  registeredIn: z.array(z.string().regex(/^[A-Z]{2}$/)).max(30),
  timeZone: z.string().min(1).max(60),
});
export type IncidentSettings = z.infer<typeof incidentSettingsSchema>;
