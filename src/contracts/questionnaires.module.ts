import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';

/** Permissions and audit actions of the questionnaires module. */
export const questionnairesContract = defineModuleContract({
  permissions: {},
  auditActions: {
    'questionnaire.uploaded': z.strictObject({
      title: z.string(),
      fileName: z.string(),
      format: z.string(),
      sha256: z.string(),
    }),
    'questionnaire.mapped': z.strictObject({
      title: z.string(),
      sheet: z.string(),
      questionColumn: z.string(),
      answerColumn: z.string(),
      firstRow: z.number().int(),
      items: z.number().int(),
      skippedRows: z.array(z.number().int()),
      /** On a re-map: how many items of the earlier mapping were replaced. */
      replacedItems: z.number().int().optional(),
    }),
    'questionnaire.renamed': z.strictObject({ from: z.string(), to: z.string() }),
    'questionnaire.sources-changed': z.strictObject({
      title: z.string(),
      includeInternalSources: z.boolean(),
    }),
    'questionnaire.deleted': z.strictObject({
      title: z.string(),
      fileName: z.string(),
      items: z.number().int(),
      approved: z.number().int(),
    }),
    'questionnaire.bulk-approved': z.strictObject({
      title: z.string(),
      approved: z.number().int(),
      skipped: z.number().int(),
      rows: z.array(z.number().int()),
    }),
    'questionnaire.proposals-run': z.strictObject({
      title: z.string(),
      considered: z.number().int(),
      proposed: z.number().int(),
    }),
    'questionnaire-item.edited': z.strictObject({
      questionnaire: z.string(),
      row: z.number().int(),
      changes,
    }),
    'questionnaire-item.approved': z.strictObject({
      questionnaire: z.string(),
      row: z.number().int(),
      answer: z.string(),
      sources: z.array(z.string()),
    }),
    'questionnaire-item.not-applicable': z.strictObject({
      questionnaire: z.string(),
      row: z.number().int(),
      previousStatus: z.string(),
    }),
  },
});
