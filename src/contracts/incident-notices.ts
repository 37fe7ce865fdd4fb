import { z } from 'zod';

/** The languages customer mail is written in (templates are data, before the UI is translated). */
export const noticeLanguages = ['en', 'sv', 'nb'] as const;
export const noticeLanguageSchema = z.enum(noticeLanguages);
export type NoticeLanguage = z.infer<typeof noticeLanguageSchema>;

/** Verified trust-center subscribers, or the contacts of the incident's affected services. */
export const noticeAudiences = ['subscribers', 'service-contacts'] as const;
export type NoticeAudience = (typeof noticeAudiences)[number];

export const noticeInputSchema = z.strictObject({
  audience: z.enum(noticeAudiences),
  /** What the customers are told, in the handler's words; the template adds status, services and the link. */
  message: z.string().trim().min(1, 'Write what the customers are told').max(5000),
  /** The language for subscribers (service contacts each have their own). */
  language: noticeLanguageSchema.default('en'),
});
export type NoticeInput = z.input<typeof noticeInputSchema>;

export const noticeSchema = z.object({
  id: z.string(),
  audience: z.enum(noticeAudiences),
  language: noticeLanguageSchema,
  subject: z.string(),
  body: z.string(),
  recipients: z.array(z.string()),
  sentBy: z.string().nullable(),
  sentAt: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const customerContactInputSchema = z.strictObject({
  serviceId: z.uuid(),
  email: z.email('Write an e-mail address').max(254),
  name: z.string().trim().max(200).default(''),
  language: noticeLanguageSchema.default('en'),
});
export type CustomerContactInput = z.input<typeof customerContactInputSchema>;

export const customerContactSchema = z.object({
  id: z.string(),
  serviceId: z.string(),
  email: z.string(),
  name: z.string(),
  language: noticeLanguageSchema,
});
export type CustomerContact = z.infer<typeof customerContactSchema>;

export const customerContactListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  serviceId: z.uuid().optional(),
});
