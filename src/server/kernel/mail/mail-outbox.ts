import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { AppError } from '../errors/app-error.js';

export const outgoingMailSchema = z.strictObject({
  to: z.email().max(254),
  subject: z
    .string()
    .min(1)
    .max(300)
    .refine((s) => !/[\r\n]/.test(s), 'A subject must be one line'),
  text: z.string().min(1).max(200_000),
  html: z.string().max(500_000).optional(),
  /** Mail with the same key is queued once per organisation (e.g. one reminder per item and day). */
  dedupeKey: z.string().min(1).max(300).optional(),
});
export type OutgoingMail = z.input<typeof outgoingMailSchema>;

/**
 * Queues mail in the caller's transaction; the mail-delivery job sends it. Returns false when mail with the
 * same dedupe key was queued before.
 */
export async function enqueueMail(ctx: ServiceContext, mail: OutgoingMail): Promise<boolean> {
  if (!ctx.db.isTransaction) {
    throw new AppError('INTERNAL', 'Mail must be queued inside the transaction of the change that causes it');
  }
  const m = outgoingMailSchema.parse(mail);
  const row = await ctx.db
    .insertInto('mail_outbox')
    .values({
      organization_id: ctx.organizationId,
      to_address: m.to,
      subject: m.subject,
      text_body: m.text,
      html_body: m.html ?? null,
      dedupe_key: m.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
