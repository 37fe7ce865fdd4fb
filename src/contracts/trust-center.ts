import { z } from 'zod';
import { pageQuerySchema } from './paging.js';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, at least two labels. */
const HOST_NAME = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const QUARTER = /^20\d{2}-Q[1-4]$/;

function channel(hex: string, offset: number): number {
  const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG contrast of an accent colour against white, the page background and the text on accent buttons. */
export function contrastWithWhite(hex: string): number {
  const luminance = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
  return 1.05 / (luminance + 0.05);
}

const accentColor = z
  .string()
  .regex(HEX_COLOR, 'must be a hex colour like #1f5f8b')
  .refine((c) => contrastWithWhite(c) >= 4.5, 'needs a contrast of at least 4.5:1 against white (WCAG AA)');

const isoDate = z.string().regex(DATE, 'must be a date YYYY-MM-DD');

export const trustSettingsSchema = z.strictObject({
  title: z.string().trim().min(1).max(120),
  intro: z.string().max(4000),
  accentColor,
  logoText: z.string().max(60),
  slaText: z.string().max(2000),
  drText: z.string().max(2000),
  customDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(HOST_NAME, 'must be a host name like trust.example.com')
    .nullable(),
  published: z.boolean(),
  /** Four-eyes publishing of FAQ answers: the person who publishes must not be the answer's last editor. */
  faqFourEyes: z.boolean().default(false),
  /** The organisation's website; relative links in FAQ answers (`/documents/x.pdf`) resolve against it. */
  siteUrl: z
    .url({ protocol: /^https?$/, error: 'must be a web address like https://www.example.com' })
    .max(500)
    .nullable()
    .default(null),
});
export type TrustSettings = z.infer<typeof trustSettingsSchema>;
export const trustSettingsResponseSchema = trustSettingsSchema.extend({ updatedAt: z.string() });

export const certificationStatuses = ['certified', 'in-progress', 'planned'] as const;
export const certificationInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    frameworkId: z.uuid().nullable().default(null),
    status: z.enum(certificationStatuses),
    targetQuarter: z.string().regex(QUARTER, 'must be a quarter like 2027-Q2').nullable().default(null),
    issuer: z.string().max(200).default(''),
    issuedOn: isoDate.nullable().default(null),
    expiresOn: isoDate.nullable().default(null),
    position: z.number().int().min(0).max(10_000).default(0),
    /** The trust document holding the certificate; a certified claim fails without it. */
    certificateDocumentId: z.uuid().nullable().default(null),
  })
  .refine((c) => c.status !== 'in-progress' || c.targetQuarter !== null, {
    message: 'a certification in progress needs a target quarter like 2027-Q2',
    path: ['targetQuarter'],
  });
export type CertificationInput = z.infer<typeof certificationInputSchema>;
export const certificationSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  frameworkId: z.string().nullable(),
  frameworkName: z.string().nullable(),
  status: z.enum(certificationStatuses),
  targetQuarter: z.string().nullable(),
  issuer: z.string(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  position: z.number().int(),
  /** The attached certificate: the trust document's title, whether it is published and its file's SHA-256. */
  certificateDocument: z
    .strictObject({ id: z.uuid(), title: z.string(), published: z.boolean(), sha256: z.string().nullable() })
    .nullable(),
  updatedAt: z.string(),
});
export type Certification = z.infer<typeof certificationSchema>;

const language = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code like en or sv');

export const faqSectionInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  language: language.default('en'),
  position: z.number().int().min(0).max(10_000).default(0),
});
export const faqSectionSchema = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  language: z.string(),
  position: z.number().int(),
});

const faqEntryFields = {
  sectionId: z.uuid(),
  question: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine((q) => !/[\r\n]/.test(q), 'must be one line'),
  answer: z.string().max(20_000),
  position: z.number().int().min(0).max(10_000),
  published: z.boolean(),
  controlIds: z.array(z.uuid()).max(50),
  evidenceIds: z.array(z.uuid()).max(50),
  /** The claims the answer rests on, by key ('restore-tested', 'certification:<id>'…). */
  claimKeys: z
    .array(z.string().regex(/^[a-z0-9:-]{3,80}$/, 'must be a claim key like restore-tested'))
    .max(20),
};
export const faqEntryInputSchema = z.strictObject({
  ...faqEntryFields,
  position: faqEntryFields.position.default(0),
  /** A new answer is a draft unless published at once (refused when four-eyes publishing is on). */
  published: faqEntryFields.published.default(false),
  controlIds: faqEntryFields.controlIds.default([]),
  evidenceIds: faqEntryFields.evidenceIds.default([]),
  claimKeys: faqEntryFields.claimKeys.default([]),
});
export type FaqEntryInput = z.infer<typeof faqEntryInputSchema>;
/** Only the fields given change (no defaults: a patch of the answer keeps the links and the publication). */
export const faqEntryPatchSchema = z.strictObject(faqEntryFields).partial();
export type FaqEntryPatch = z.infer<typeof faqEntryPatchSchema>;

export const faqEntrySchema = z.strictObject({
  id: z.uuid(),
  sectionId: z.uuid(),
  sectionTitle: z.string(),
  language: z.string(),
  question: z.string(),
  answer: z.string(),
  position: z.number().int(),
  published: z.boolean(),
  controls: z.array(z.strictObject({ id: z.uuid(), ref: z.string(), title: z.string() })),
  evidence: z.array(z.strictObject({ id: z.uuid(), title: z.string() })),
  claimKeys: z.array(z.string()),
  /** Why the answer is held back from the public page until someone confirms it; null when it is not. */
  reviewReason: z.string().nullable(),
  needsReview: z.boolean(),
  confirmedAt: z.string().nullable(),
  /** Why a person released the answer while it was held for review. */
  confirmedNote: z.string().nullable(),
  lastEditedByName: z.string().nullable(),
  publishedByName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const faqConfirmSchema = z.strictObject({
  reason: z.string().trim().min(10, 'say in a sentence why the answer still holds').max(2000),
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;

export const faqEntryListQuerySchema = pageQuerySchema.extend({
  language: language.optional(),
  needsReview: z.enum(['true', 'false']).optional(),
});

export const faqDuplicateSchema = z.strictObject({
  question: z.string(),
  section: z.string(),
  existingId: z.uuid(),
  existingQuestion: z.string(),
  existingSection: z.string(),
  similarity: z.number(),
});
export type FaqDuplicate = z.infer<typeof faqDuplicateSchema>;
export const faqDuplicateChoices = ['skip', 'replace', 'keep'] as const;
export const faqImportInputSchema = z.strictObject({
  markdown: z.string().min(1).max(4_000_000),
  publish: z.boolean().default(false),
  /**
   * Per imported question that nearly repeats an existing one: skip it, replace the existing answer with it,
   * or keep both. Questions not named are kept.
   */
  duplicates: z.record(z.string().max(500), z.enum(faqDuplicateChoices)).default({}),
});
export const faqImportPreviewSchema = z.strictObject({
  language: z.string(),
  questions: z.number().int(),
  duplicates: z.array(faqDuplicateSchema),
});
export type FaqImportPreview = z.infer<typeof faqImportPreviewSchema>;

export const faqImportReportSchema = z.strictObject({
  language: z.string(),
  sectionsCreated: z.number().int(),
  sectionsUpdated: z.number().int(),
  questionsCreated: z.number().int(),
  questionsUpdated: z.number().int(),
  /** Near-duplicates skipped, and existing answers replaced by the imported one. */
  duplicatesSkipped: z.number().int(),
  duplicatesReplaced: z.number().int(),
  skipped: z.array(z.strictObject({ line: z.number().int(), kind: z.string(), text: z.string() })),
});
export type FaqImportReport = z.infer<typeof faqImportReportSchema>;

export const transferMechanisms = ['none-eea', 'adequacy', 'scc', 'bcr', 'other'] as const;
export const subprocessorStatuses = ['active', 'planned', 'removed'] as const;
export const subprocessorInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    purpose: z.string().trim().min(1).max(1000),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code like SE'),
    transferMechanism: z.enum(transferMechanisms),
    status: z.enum(subprocessorStatuses),
    effectiveOn: isoDate.nullable().default(null),
  })
  .refine((s) => s.status !== 'planned' || s.effectiveOn !== null, {
    message: 'a planned sub-processor needs the date it takes effect',
    path: ['effectiveOn'],
  });
export type SubprocessorInput = z.infer<typeof subprocessorInputSchema>;
export const subprocessorSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  purpose: z.string(),
  country: z.string(),
  transferMechanism: z.enum(transferMechanisms),
  status: z.enum(subprocessorStatuses),
  effectiveOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type Subprocessor = z.infer<typeof subprocessorSchema>;

export const announceChangeSchema = z.strictObject({
  change: z.string().trim().min(1).max(2000),
  effectiveOn: isoDate,
});
export const announcementResultSchema = z.strictObject({ notified: z.number().int() });

export const subprocessorNotificationSchema = z.strictObject({
  id: z.uuid(),
  subprocessorName: z.string(),
  email: z.string(),
  change: z.string(),
  effectiveOn: z.string(),
  notifiedAt: z.string(),
  sentAt: z.string().nullable(),
  objectedAt: z.string().nullable(),
});
export const subscriberSchema = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
});
