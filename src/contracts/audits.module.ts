import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the audits module. */
export const auditsContract = defineModuleContract({
  permissions: {
    'audits.read': { roles: everyone },
    'audits.manage': { roles: ['compliance-manager'] },
    /** Conduct an audit: record checklist results and raise findings (auditors may; they change nothing else). */
    'findings.raise': { roles: ['compliance-manager', 'auditor'] },
  },
  auditActions: {
    'audit-programme.created': z.strictObject({ year: z.number().int() }),
    'audit.created': z.strictObject({
      title: z.string(),
      type: z.string(),
      plannedStart: z.string(),
      plannedEnd: z.string(),
      frameworks: z.array(z.string()),
      services: z.array(z.string()),
      checklistItems: z.number().int(),
    }),
    'audit.updated': z.strictObject({ title: z.string(), changes }),
    'audit.started': z.strictObject({ title: z.string() }),
    'audit.completed': z.strictObject({ title: z.string(), conclusion: z.string() }),
    'audit.checklist-recorded': z.strictObject({
      title: z.string(),
      requirement: z.string(),
      result: z.string(),
      previous: z.string(),
    }),
    'finding.raised': z.strictObject({
      audit: z.string(),
      type: z.string(),
      requirement: z.string().nullable(),
    }),
  },
});
