import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';

/** Permissions and audit actions of the trust-documents module. */
export const trustDocumentsContract = defineModuleContract({
  permissions: {},
  auditActions: {
    'trust-document.created': z.strictObject({
      title: z.string(),
      kind: z.string(),
      accessLevel: z.string(),
      source: z.string(),
      sha256: z.string().nullable(),
    }),
    'trust-document.updated': z.strictObject({ title: z.string(), changes }),
    'trust-document.downloaded': z.strictObject({
      title: z.string(),
      grantId: z.string().nullable(),
      watermarked: z.boolean(),
    }),
    'trust-nda.version-created': z.strictObject({ version: z.number().int() }),
    'trust-auto-approval-rule.created': z.strictObject({
      domain: z.string(),
      approvesOnRequest: z.boolean(),
      approvesNda: z.boolean(),
      expiresInDays: z.number().int(),
    }),
    'trust-auto-approval-rule.deleted': z.strictObject({ domain: z.string() }),
    'trust-document-request.submitted': z.strictObject({
      emailDomain: z.string(),
      documents: z.array(z.string()),
    }),
    'trust-document-request.verified': z.strictObject({ ndaRequired: z.boolean() }),
    'trust-document-request.nda-accepted': z.strictObject({ ndaVersion: z.number().int() }),
    'trust-document-request.approved': z.strictObject({
      grantId: z.string(),
      expiresAt: z.string(),
      autoRuleDomain: z.string().nullable(),
    }),
    'trust-document-request.rejected': z.strictObject({ reason: z.string() }),
    'trust-access-grant.revoked': z.strictObject({ requestId: z.string(), sessionsEnded: z.number().int() }),
    'trust-access-grant.sign-in-link-sent': z.strictObject({ expiresAt: z.string() }),
    'trust-access-grant.signed-in': z.strictObject({ sessionExpiresAt: z.string() }),
  },
});
