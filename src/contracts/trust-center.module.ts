import { z } from 'zod';
import { changes, defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';

/** Permissions and audit actions of the trust-center module. */
export const trustCenterContract = defineModuleContract({
  permissions: {
    'trust-center.read': { roles: everyone },
    /** Edit what the public trust center shows and announce sub-processor changes. */
    'trust-center.manage': { roles: ['compliance-manager'] },
  },
  auditActions: {
    'trust-center.settings-updated': z.strictObject({ changes }),
    'trust-certification.created': z.strictObject({ name: z.string(), status: z.string() }),
    'trust-certification.updated': z.strictObject({ name: z.string(), changes }),
    'trust-certification.deleted': z.strictObject({ name: z.string() }),
    'trust-claims.replaced': z.strictObject({ kinds: z.array(z.string()), changes }),
    /** The changelog job saw claims start or stop holding (one entry each). */
    'trust-changelog.claims-changed': z.strictObject({ keys: z.array(z.string()) }),
    'trust-changelog.mailed': z.strictObject({ entries: z.number().int(), recipients: z.number().int() }),
    'trust-public-controls.replaced': z.strictObject({ count: z.number().int(), changes }),
    'faq-section.created': z.strictObject({ title: z.string(), language: z.string() }),
    'faq-section.deleted': z.strictObject({ title: z.string(), language: z.string() }),
    'faq-entry.created': z.strictObject({
      question: z.string(),
      section: z.string(),
      published: z.boolean().optional(),
    }),
    'faq-entry.published': z.strictObject({ question: z.string(), fourEyes: z.boolean() }),
    'faq-entry.updated': z.strictObject({ question: z.string(), changes }),
    'faq-entry.deleted': z.strictObject({ question: z.string() }),
    /** `reason`: why the answer was held; `note`: why the person released it anyway. */
    'faq-entry.confirmed': z.strictObject({
      question: z.string(),
      reason: z.string(),
      note: z.string().optional(),
    }),
    'faq.imported': z.strictObject({
      language: z.string(),
      sectionsCreated: z.number().int(),
      questionsCreated: z.number().int(),
      questionsUpdated: z.number().int(),
      duplicatesSkipped: z.number().int().optional(),
      duplicatesReplaced: z.number().int().optional(),
      skipped: z.number().int(),
    }),
    'subprocessor.created': z.strictObject({ name: z.string(), status: z.string() }),
    'subprocessor.updated': z.strictObject({ name: z.string(), changes }),
    'subprocessor.change-announced': z.strictObject({
      name: z.string(),
      change: z.string(),
      effectiveOn: z.string(),
      notified: z.number().int(),
    }),
    'subprocessor-subscriber.verified': z.strictObject({ subscriberId: z.string() }),
    'subprocessor-subscriber.unsubscribed': z.strictObject({ subscriberId: z.string() }),
    'subprocessor.objection-received': z.strictObject({ name: z.string(), notificationId: z.string() }),
  },
});
