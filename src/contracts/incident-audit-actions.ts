import { z } from 'zod';
import { changes } from './audit-shapes.js';

/** Audit actions of incidents, reports, outages and the SLA (spread into auditActionSchemas). */
export const incidentAuditActionSchemas = {
  'incident.reported': z.strictObject({
    ref: z.string(),
    title: z.string(),
    category: z.string(),
    severity: z.string(),
    awareAt: z.string(),
  }),
  'incident.updated': z.strictObject({ ref: z.string(), changes }),
  'incident.status-changed': z.strictObject({ ref: z.string(), from: z.string(), to: z.string() }),
  'incident.triaged': z.strictObject({
    ref: z.string(),
    significant: z.boolean(),
    personalDataBreach: z.boolean(),
    riskToPeople: z.string(),
    dueReports: z.array(z.string()),
  }),
  'incident.timeline-added': z.strictObject({ ref: z.string(), kind: z.string() }),
  'incident.reviewed': z.strictObject({ ref: z.string(), nonconformity: z.string().nullable() }),
  'incident.published': z.strictObject({ ref: z.string(), published: z.boolean(), publicStatus: z.string() }),
  'incident-report.opened': z.strictObject({
    incident: z.string(),
    type: z.string(),
    version: z.number().int(),
    dueAt: z.string().nullable(),
  }),
  'incident-report.updated': z.strictObject({
    incident: z.string(),
    type: z.string(),
    version: z.number().int(),
  }),
  'incident-report.submitted': z.strictObject({
    incident: z.string(),
    type: z.string(),
    version: z.number().int(),
    reference: z.string(),
    submittedAt: z.string(),
  }),
  'incident-report.withdrawn': z.strictObject({
    incident: z.string(),
    type: z.string(),
    version: z.number().int(),
  }),
  'incident-settings.updated': z.strictObject({ changes }),
  'outage.recorded': z.strictObject({
    title: z.string(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    impact: z.string(),
    source: z.string(),
  }),
  'outage.ended': z.strictObject({ title: z.string(), endedAt: z.string() }),
  'outages.imported': z.strictObject({
    source: z.string(),
    sha256: z.string(),
    added: z.number().int(),
    alreadyKnown: z.number().int(),
  }),
} as const;
