import { z } from 'zod';
import { defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the objectives module. */
export const objectivesContract = defineModuleContract({
  permissions: {
    'objectives.read': { roles: everyone },
    /** Set objectives and their KPIs. */
    'objectives.manage': { roles: ['compliance-manager'] },
    /** Record KPI measurements (owners of an objective measure their own; others need objectives.manage). */
    'objectives.measure': { roles: ['compliance-manager', 'contributor'] },
  },
  auditActions: {
    'objective.created': z.strictObject({
      title: z.string(),
      area: z.string(),
      ownerId: z.string(),
      dueDate: z.string(),
      kpis: z.array(z.string()),
    }),
    'objective.kpi-added': z.strictObject({ title: z.string(), kpi: z.string(), target: z.number() }),
    'objective.measured': z.strictObject({
      title: z.string(),
      kpi: z.string(),
      value: z.number(),
      measuredAt: z.string(),
    }),
  },
});
