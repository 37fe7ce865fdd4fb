import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of incidents, reports to authorities, outages, the SLA and the public status. */
export const incidentsContract = defineModuleContract({
  permissions: {
    /** See incidents: everyone those they reported; incident handlers and auditors per the visibility rule. */
    'incidents.read': { roles: everyone },
    /** Report an incident (any staff member). */
    'incidents.report': { roles: ['compliance-manager', 'contributor', 'viewer'] },
    /**
     * Handle incidents: triage, reports to authorities, outages, the SLA and the public status. Compliance
     * managers, and anyone an administrator gives the incident-manager duty.
     */
    'incidents.manage': { roles: ['compliance-manager'], duty: 'incident-manager' },
    /** Let monitoring imports reach private networks (a URL a user types must not reach internal addresses). */
    'incidents.admin': { roles: [] },
  },
  auditActions: {
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
    'incident.published': z.strictObject({
      ref: z.string(),
      published: z.boolean(),
      publicStatus: z.string(),
    }),
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
    'incident.customers-notified': z.strictObject({
      ref: z.string(),
      audience: z.string(),
      language: z.string(),
      recipients: z.number().int(),
    }),
    'customer-contact.added': z.strictObject({
      email: z.string(),
      serviceId: z.string(),
      language: z.string(),
    }),
    'customer-contact.removed': z.strictObject({ email: z.string(), serviceId: z.string() }),
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
  },
});
