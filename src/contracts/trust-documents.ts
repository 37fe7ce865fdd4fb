import { z } from 'zod';

export const documentKinds = [
  'certificate',
  'dpa',
  'sla',
  'security-guidelines',
  'controls-list',
  'data-centre-security',
  'other',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentKindLabels: Record<DocumentKind, string> = {
  certificate: 'Certificate',
  dpa: 'Data processing agreement',
  sla: 'Service level agreement',
  'security-guidelines': 'Information-security guidelines',
  'controls-list': 'Cloud-controls list',
  'data-centre-security': 'Data-centre security',
  other: 'Other',
};

export const accessLevels = ['public', 'on-request', 'nda'] as const;
export type AccessLevel = (typeof accessLevels)[number];
export const accessLevelLabels: Record<AccessLevel, string> = {
  public: 'Public',
  'on-request': 'On request',
  nda: 'NDA required',
};

export const documentSources = ['upload', 'generated-controls'] as const;

const booleanField = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** What staff say about a document; sent as JSON, or as the text fields of a multipart upload. */
export const documentFieldsSchema = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(200),
  description: z.string().max(2000).default(''),
  kind: z.enum(documentKinds),
  accessLevel: z.enum(accessLevels),
  versionLabel: z.string().trim().max(60).default(''),
  published: booleanField.default(false),
});
export type DocumentFields = z.infer<typeof documentFieldsSchema>;

export const generatedDocumentInputSchema = documentFieldsSchema.extend({
  kind: z.literal('controls-list').default('controls-list'),
});
export type GeneratedDocumentInput = z.infer<typeof generatedDocumentInputSchema>;

export const documentUpdateSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'is required').max(200),
    description: z.string().max(2000),
    accessLevel: z.enum(accessLevels),
    versionLabel: z.string().trim().max(60),
    published: z.boolean(),
  })
  .partial();
export type DocumentUpdate = z.infer<typeof documentUpdateSchema>;

export const trustDocumentSchema = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(documentKinds),
  accessLevel: z.enum(accessLevels),
  versionLabel: z.string(),
  published: z.boolean(),
  source: z.enum(documentSources),
  fileName: z.string().nullable(),
  fileSize: z.number().int().nullable(),
  sha256: z.string().nullable(),
  updatedAt: z.string(),
});
export type TrustDocument = z.infer<typeof trustDocumentSchema>;

export const ndaInputSchema = z.strictObject({ text: z.string().trim().min(20, 'is too short').max(50_000) });
export const ndaVersionSchema = z.strictObject({
  id: z.uuid(),
  version: z.number().int(),
  text: z.string(),
  createdAt: z.string(),
});
export type NdaVersion = z.infer<typeof ndaVersionSchema>;

/** A domain like kund.example: lower-case labels, no @, no wildcard. */
const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const autoApprovalRuleInputSchema = z
  .strictObject({
    domain: z.string().trim().toLowerCase().regex(DOMAIN, 'must be a domain like kund.example'),
    approvesOnRequest: z.boolean(),
    approvesNda: z.boolean(),
    expiresInDays: z.number().int().min(1).max(365).default(30),
  })
  .refine((r) => r.approvesOnRequest || r.approvesNda, {
    message: 'a rule must approve at least one access level',
    path: ['approvesOnRequest'],
  });
export type AutoApprovalRuleInput = z.infer<typeof autoApprovalRuleInputSchema>;
export const autoApprovalRuleSchema = z.strictObject({
  id: z.uuid(),
  domain: z.string(),
  approvesOnRequest: z.boolean(),
  approvesNda: z.boolean(),
  expiresInDays: z.number().int(),
  createdAt: z.string(),
});
export type AutoApprovalRule = z.infer<typeof autoApprovalRuleSchema>;

export const requestStatuses = ['unverified', 'nda-pending', 'pending', 'approved', 'rejected'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const documentRequestSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  company: z.string(),
  reason: z.string(),
  status: z.enum(requestStatuses),
  documents: z.array(z.strictObject({ id: z.uuid(), title: z.string(), accessLevel: z.enum(accessLevels) })),
  verifiedAt: z.string().nullable(),
  nda: z
    .strictObject({
      version: z.number().int(),
      signedName: z.string(),
      acceptedAt: z.string(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    })
    .nullable(),
  decidedAt: z.string().nullable(),
  autoApprovedBy: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  createdAt: z.string(),
});
export type DocumentRequest = z.infer<typeof documentRequestSchema>;

export const requestListQuerySchema = z.strictObject({
  status: z.enum(requestStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const approveRequestSchema = z.strictObject({
  expiresInDays: z.number().int().min(1).max(365).default(30),
});
export const rejectRequestSchema = z.strictObject({ reason: z.string().trim().max(2000).default('') });

export const accessGrantSchema = z.strictObject({
  id: z.uuid(),
  requestId: z.uuid(),
  name: z.string(),
  email: z.string(),
  company: z.string(),
  documents: z.array(z.string()),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
  createdAt: z.string(),
});
export type AccessGrant = z.infer<typeof accessGrantSchema>;

export const documentStatsSchema = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  accessLevel: z.enum(accessLevels),
  requests: z.number().int(),
  downloads: z.number().int(),
});
export type DocumentStats = z.infer<typeof documentStatsSchema>;

export const downloadSchema = z.strictObject({
  id: z.uuid(),
  documentTitle: z.string(),
  email: z.string().nullable(),
  downloadedAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type DocumentDownload = z.infer<typeof downloadSchema>;

/** The public request form, as the browser posts it (urlencoded; `documentId` repeats). */
export const publicRequestSchema = z.strictObject({
  name: z.string().trim().min(1, 'Your name is required').max(200),
  email: z.email('must be an e-mail address').max(254),
  company: z.string().trim().min(1, 'Your company is required').max(200),
  reason: z.string().trim().min(1, 'Say why you need the documents').max(2000),
  documentId: z
    .union([z.uuid(), z.array(z.uuid())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.uuid()).min(1, 'Choose at least one document').max(50)),
});
export type PublicRequest = z.infer<typeof publicRequestSchema>;

export const ndaAcceptanceSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
  name: z.string().trim().min(1, 'Type your name').max(200),
  accept: z.literal('yes', 'Tick the box to accept the NDA'),
});
