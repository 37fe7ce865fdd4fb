import { z } from 'zod';
import { calendarDaySchema } from './audits.js';
import { kpiDirectionSchema, kpiStatusSchema, objectiveAreaSchema } from './objectives.js';
import { pageQuerySchema } from './paging.js';

export const reviewStatuses = ['planned', 'assembled', 'closed'] as const;
export const reviewStatusSchema = z.enum(reviewStatuses);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export const reviewInputSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'A review needs a title').max(200),
    periodFrom: calendarDaySchema,
    periodTo: calendarDaySchema,
    meetingDate: calendarDaySchema,
    attendeeIds: z.array(z.uuid()).max(100).default([]),
  })
  .refine((r) => r.periodTo > r.periodFrom, {
    message: 'The period must end after it starts (periodTo after periodFrom)',
    path: ['periodTo'],
  });
export type ReviewInput = z.input<typeof reviewInputSchema>;

export const reviewActionInputSchema = z.strictObject({
  text: z.string().trim().min(1, 'A decision or action needs text').max(4000),
  ownerId: z.uuid().nullable().default(null),
  dueDate: calendarDaySchema.nullable().default(null),
});
export type ReviewActionInput = z.input<typeof reviewActionInputSchema>;

export const reviewActionSchema = z.object({
  id: z.string().uuid(),
  text: z.string(),
  ownerId: z.string().uuid().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
});
export type ReviewAction = z.infer<typeof reviewActionSchema>;

const byLevel = z.object({ low: z.number(), medium: z.number(), high: z.number(), critical: z.number() });
export type LevelCounts = z.infer<typeof byLevel>;

/** The report as assembled: stored with the review and shown as it was, even when data changes later. */
const count = z.number().int().min(0);

/** What the incident register shows for a review period (ISO 27001 9.3, NIS2 Art. 20: the management's oversight). */
export const reviewIncidentsSchema = z.object({
  tracked: z.literal(true),
  /** Incidents the organisation became aware of in the period. */
  total: count,
  significant: count,
  /** Of those, not closed when the report was assembled. */
  open: count,
  bySeverity: z.record(z.string(), count),
  byCategory: z.record(z.string(), count),
  reports: z.object({
    /** Reports to authorities or data subjects whose deadline fell in the period. */
    due: count,
    onTime: count,
    late: count,
    /** Reports past their deadline and still not submitted when the report was assembled, whatever the period. */
    overdue: z.array(z.object({ ref: z.string(), title: z.string(), type: z.string(), dueAt: z.string() })),
  }),
  availability: z.object({
    months: z.array(z.string()),
    lowest: z
      .object({ service: z.string(), location: z.string(), month: z.string(), availability: z.number() })
      .nullable(),
    belowTarget: z.array(
      z.object({
        service: z.string(),
        location: z.string(),
        month: z.string(),
        availability: z.number(),
        target: z.number(),
      }),
    ),
  }),
});
export type ReviewIncidents = z.infer<typeof reviewIncidentsSchema>;

export const reviewReportSchema = z.object({
  version: z.literal(1),
  assembledAt: z.string(),
  organizationName: z.string(),
  review: z.object({
    title: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    meetingDate: z.string(),
    attendees: z.array(z.string()),
  }),
  previousActions: z.object({
    previousReview: z.string().nullable(),
    items: z.array(
      z.object({
        text: z.string(),
        ownerName: z.string().nullable(),
        dueDate: z.string().nullable(),
        /** Due before the day the report was assembled; review decisions carry no done state yet. */
        overdue: z.boolean(),
      }),
    ),
  }),
  audits: z.object({
    completed: z.array(
      z.object({ title: z.string(), type: z.string(), completedOn: z.string(), conclusion: z.string() }),
    ),
    findingsByType: z.object({
      majorNc: z.number(),
      minorNc: z.number(),
      observation: z.number(),
      opportunity: z.number(),
    }),
  }),
  nonconformities: z.object({
    openedInPeriod: z.number(),
    closedInPeriod: z.number(),
    openBySeverity: z.object({ major: z.number(), minor: z.number() }),
    overdueActions: z.array(
      z.object({ ncRef: z.string(), description: z.string(), ownerName: z.string(), dueDate: z.string() }),
    ),
  }),
  risks: z.object({
    total: z.number(),
    inherentByLevel: byLevel,
    residualByLevel: byLevel,
    accepted: z.number(),
    expiringAcceptances: z.array(z.object({ ref: z.string(), title: z.string(), expiresOn: z.string() })),
    trend: z
      .object({ previousReview: z.string(), previousResidualByLevel: byLevel, previousTotal: z.number() })
      .nullable(),
  }),
  objectives: z.object({
    items: z.array(
      z.object({
        title: z.string(),
        area: objectiveAreaSchema,
        ownerName: z.string(),
        dueDate: z.string(),
        kpis: z.array(
          z.object({
            name: z.string(),
            unit: z.string(),
            direction: kpiDirectionSchema,
            target: z.number(),
            threshold: z.number().nullable(),
            latest: z.number().nullable(),
            status: kpiStatusSchema,
          }),
        ),
      }),
    ),
  }),
  checks: z.object({
    passing: z.number(),
    failing: z.number(),
    unknown: z.number(),
    failingList: z.array(z.object({ name: z.string(), lastRunAt: z.string().nullable() })),
    coverage: z.array(
      z.object({
        framework: z.string(),
        applicable: z.number(),
        covered: z.number(),
        implemented: z.number(),
        evidenceFresh: z.number(),
        evidenceStale: z.number(),
        evidenceMissing: z.number(),
        failingControls: z.number(),
      }),
    ),
  }),
  policies: z.object({
    published: z.number(),
    overdueReviews: z.array(z.object({ title: z.string(), nextReviewOn: z.string() })),
    campaigns: z.array(
      z.object({
        title: z.string(),
        version: z.number(),
        targeted: z.number(),
        acknowledged: z.number(),
        dueOn: z.string(),
      }),
    ),
  }),
  /** Incidents, reporting deadlines and availability in the period; snapshots from before the register say so. */
  incidents: z.union([reviewIncidentsSchema, z.object({ tracked: z.literal(false), note: z.string() })]),
});
export type ReviewReport = z.infer<typeof reviewReportSchema>;

export const reviewSummarySchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  meetingDate: z.string(),
  status: reviewStatusSchema,
  assembledAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

export const reviewDetailSchema = reviewSummarySchema.extend({
  attendees: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  report: reviewReportSchema.nullable(),
  actions: z.array(reviewActionSchema),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

export const reviewListQuerySchema = pageQuerySchema;
