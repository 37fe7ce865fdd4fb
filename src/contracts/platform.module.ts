import { z } from 'zod';
import { defineModuleContract } from './module-contract.js';

const none = z.strictObject({});

/** Permissions and audit actions of what the platform itself writes (CLI, demo, restore). */
export const platformContract = defineModuleContract({
  permissions: {},
  auditActions: {
    'demo.seeded': none,
    'backup.restored': z.strictObject({ backupCreatedAt: z.string(), tables: z.number().int() }),
  },
});
