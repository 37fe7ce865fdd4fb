import type { Kysely } from 'kysely';
import type nodemailer from 'nodemailer';
import type { Database } from '../db/schema.js';
import { runTransaction } from '../db/transaction.js';
import type { Logger } from '../logging/logger.js';

export const MAX_ATTEMPTS = 8;
const BATCH = 50;

export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string; html?: string }): Promise<void>;
  close(): void;
}

/** nodemailer loads with the first message, not at start-up. */
export function smtpTransport(smtpUrl: string): MailTransport {
  let transporter: Promise<ReturnType<typeof nodemailer.createTransport>> | undefined;
  const open = () => {
    transporter ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
    return transporter;
  };
  return {
    async send(message) {
      await (await open()).sendMail(message);
    },
    close: () => {
      void transporter?.then((t) => t.close());
    },
  };
}

/** Exponential back-off: 1, 2, 4 … minutes, at most 4 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** attempts * 60_000, 4 * 3_600_000);
}

/** An SMTP error's first line without anything that could be a credential (the URL is never in it). */
function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0]?.slice(0, 500) ?? 'unknown error';
}

/** How long a claimed mail stays invisible to other workers while this one talks to the SMTP server. */
const CLAIM_MS = 15 * 60_000;

/**
 * Claims a batch of due mail: locked with SKIP LOCKED so concurrent workers take different rows, and its next
 * attempt moved past the claim period so no other worker takes it once this short transaction commits.
 */
function claimDueMail(db: Kysely<Database>) {
  return runTransaction(db, null, async (trx) => {
    const due = await trx
      .selectFrom('mail_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('next_attempt_at', '<=', new Date())
      .where('attempts', '<', MAX_ATTEMPTS)
      .orderBy('next_attempt_at')
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length)
      await trx
        .updateTable('mail_outbox')
        .set({ next_attempt_at: new Date(Date.now() + CLAIM_MS) })
        .where(
          'id',
          'in',
          due.map((m) => m.id),
        )
        .execute();
    return due;
  });
}

/**
 * Sends due mail from the outbox. The batch is claimed in its own short transaction and each mail is sent
 * outside any transaction, so no row lock is held during SMTP and a rerun of the claim sends nothing twice.
 * Each outcome is recorded at once; failures are retried with back-off up to MAX_ATTEMPTS and their reason
 * is kept. A worker that dies mid-batch leaves its unrecorded mail to be retried after the claim period.
 */
export async function deliverPendingMail(
  db: Kysely<Database>,
  transport: MailTransport,
  from: string,
  logger: Logger,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const mail of await claimDueMail(db)) {
    try {
      await transport.send({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        ...(mail.html_body ? { html: mail.html_body } : {}),
      });
      await db
        .updateTable('mail_outbox')
        .set({ sent_at: new Date(), attempts: mail.attempts + 1, last_error: null })
        .where('id', '=', mail.id)
        .execute();
      sent++;
    } catch (err) {
      const attempts = mail.attempts + 1;
      await db
        .updateTable('mail_outbox')
        .set({
          attempts,
          last_error: describe(err),
          next_attempt_at: new Date(Date.now() + retryDelayMs(attempts)),
        })
        .where('id', '=', mail.id)
        .execute();
      logger.warn({ mailId: mail.id, attempts, error: describe(err) }, 'mail delivery failed; will retry');
      failed++;
    }
  }
  return { sent, failed };
}
