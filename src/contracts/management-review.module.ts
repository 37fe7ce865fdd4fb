import { z } from 'zod';
import { defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the management-review module. */
export const managementReviewContract = defineModuleContract({
  permissions: {
    'management-reviews.read': { roles: everyone },
    /** Plan, assemble, record decisions on and close management reviews. */
    'management-reviews.manage': { roles: ['compliance-manager'] },
  },
  auditActions: {
    'management-review.created': z.strictObject({
      title: z.string(),
      periodFrom: z.string(),
      periodTo: z.string(),
      meetingDate: z.string(),
      attendees: z.number().int(),
    }),
    'management-review.assembled': z.strictObject({ title: z.string(), previous: z.string().nullable() }),
    'management-review.action-recorded': z.strictObject({
      title: z.string(),
      text: z.string(),
      ownerId: z.string().nullable(),
      dueDate: z.string().nullable(),
    }),
    'management-review.closed': z.strictObject({ title: z.string(), actions: z.number().int() }),
  },
});
