import { z } from 'zod';
import { pageQuerySchema } from './paging.js';

export const questionnaireFormats = ['xlsx', 'csv'] as const;
export const questionnaireStatuses = ['mapping', 'answering'] as const;
export const itemStatuses = ['unanswered', 'proposed', 'edited', 'approved', 'not-applicable'] as const;
export const confidenceTiers = ['high', 'medium', 'low'] as const;
export const sourceTypes = ['faq', 'control', 'policy'] as const;
/** Who may read a source: anyone, customers under NDA, or only staff. Internal sources are proposed only on opt-in. */
export const sourceAudiences = ['public', 'customers', 'internal'] as const;

export type ItemStatus = (typeof itemStatuses)[number];
export type ConfidenceTier = (typeof confidenceTiers)[number];
export type SourceType = (typeof sourceTypes)[number];
export type SourceAudience = (typeof sourceAudiences)[number];

/**
 * Scores run from 0 to 1. A proposal needs at least `low` and, below `medium`, a clear margin over the next
 * source; otherwise the item stays unanswered for a person. The score is the rarity-weighted share of the
 * question's ideas a source mentions (stemmed words and synonyms; fully in its title or FAQ question, less in
 * its text), times the weight of the source's type and audience.
 */
export const confidenceThresholds = { high: 0.6, medium: 0.4, low: 0.2 } as const;

const columnLetter = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,3}$/, 'must be a column letter such as B');

export const sheetPreviewSchema = z.object({
  name: z.string(),
  rowCount: z.number().int(),
  columns: z.array(z.string()),
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
});
export type SheetPreviewDto = z.infer<typeof sheetPreviewSchema>;

export const progressSchema = z.object({
  total: z.number().int(),
  unanswered: z.number().int(),
  proposed: z.number().int(),
  edited: z.number().int(),
  approved: z.number().int(),
  notApplicable: z.number().int(),
});
export type QuestionnaireProgress = z.infer<typeof progressSchema>;

export const questionnaireSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  fileSize: z.number().int(),
  format: z.enum(questionnaireFormats),
  status: z.enum(questionnaireStatuses),
  sheet: z.string().nullable(),
  questionColumn: z.string().nullable(),
  answerColumn: z.string().nullable(),
  firstRow: z.number().int().nullable(),
  skippedRows: z.array(z.number().int()),
  /** Whether proposals may quote internal sources; off unless someone opts in. */
  includeInternalSources: z.boolean(),
  progress: progressSchema,
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

export const uploadResultSchema = z.object({
  questionnaire: questionnaireSchema,
  sheets: z.array(sheetPreviewSchema),
});
export type QuestionnaireUploadResult = z.infer<typeof uploadResultSchema>;

export const uploadFieldsSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
});

export const mappingInputSchema = z.strictObject({
  sheet: z.string().min(1).max(200),
  questionColumn: columnLetter,
  answerColumn: columnLetter,
  firstRow: z.number().int().min(1).max(1_048_576),
});
export type MappingInput = z.infer<typeof mappingInputSchema>;

/** Why a source was proposed: which of the question's words it matched, where, and through which synonyms. */
export const proposalExplanationSchema = z.object({
  matched: z.array(
    z.object({
      /** The question's own words for the idea. */
      question: z.string(),
      /** The term found in the source: the question's word or a synonym of it. */
      source: z.string(),
      field: z.enum(['title', 'text']),
    }),
  ),
  /** The synonym groups (named by their first term) through which an idea matched. */
  synonymGroups: z.array(z.string()),
  /** The ideas of the question the source does not mention. */
  missing: z.array(z.string()),
  /** How the score and tier came about, in one sentence. */
  reason: z.string(),
});
export type ProposalExplanation = z.infer<typeof proposalExplanationSchema>;

export const answerSourceSchema = z.object({
  type: z.enum(sourceTypes),
  id: z.string(),
  /** The FAQ question, the control's reference and title, or the policy title and heading. */
  title: z.string(),
  ref: z.string().nullable(),
  score: z.number(),
  excerpt: z.string(),
  /** Absent on proposals made before sources carried an audience and an explanation. */
  audience: z.enum(sourceAudiences).optional(),
  explanation: proposalExplanationSchema.optional(),
});
export type AnswerSource = z.infer<typeof answerSourceSchema>;
export const storedSourcesSchema = z.array(answerSourceSchema);

export const questionnaireItemSchema = z.object({
  id: z.uuid(),
  row: z.number().int(),
  question: z.string(),
  status: z.enum(itemStatuses),
  answer: z.string().nullable(),
  proposedAnswer: z.string().nullable(),
  confidence: z.enum(confidenceTiers).nullable(),
  score: z.number().nullable(),
  /** The source the proposal comes from first, then the runners-up a reviewer may prefer. */
  sources: z.array(answerSourceSchema),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type QuestionnaireItem = z.infer<typeof questionnaireItemSchema>;

export const itemFilterSchema = z.strictObject({
  status: z.enum(itemStatuses).optional(),
  confidence: z.enum([...confidenceTiers, 'none']).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ItemFilter = z.infer<typeof itemFilterSchema>;
export const itemListQuerySchema = pageQuerySchema.extend(itemFilterSchema.shape);
export type ItemListQuery = z.infer<typeof itemListQuerySchema>;

/**
 * Approves many answers at once: the listed items, or every item matching the filter on any page. Only items
 * with an answer or proposal that are proposed or edited are approved; the others are counted as skipped.
 */
export const bulkApproveSchema = z.union([
  z.strictObject({ itemIds: z.array(z.uuid()).min(1).max(1000) }),
  z.strictObject({ filter: itemFilterSchema }),
]);
export type BulkApproveInput = z.infer<typeof bulkApproveSchema>;
export const bulkApproveResultSchema = z.object({ approved: z.number().int(), skipped: z.number().int() });
export type BulkApproveResult = z.infer<typeof bulkApproveResultSchema>;

export const questionnairePatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    /** Let proposals quote internal sources (policy excerpts classified internal). */
    includeInternalSources: z.boolean().optional(),
  })
  .refine((p) => p.title !== undefined || p.includeInternalSources !== undefined, {
    message: 'give a title or includeInternalSources',
  });
export type QuestionnairePatch = z.infer<typeof questionnairePatchSchema>;

export const itemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
export const itemAnswerSchema = z.strictObject({ answer: z.string().trim().min(1).max(32_000) });
export const itemApproveSchema = z.strictObject({ answer: z.string().trim().min(1).max(32_000).optional() });

export const proposalRunSchema = z.object({ considered: z.number().int(), proposed: z.number().int() });

export const exportQuerySchema = z.strictObject({
  includeProposed: z.enum(['true', 'false']).default('false'),
});
