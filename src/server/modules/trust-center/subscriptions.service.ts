import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { randomSecret, sha256Hex } from '../../kernel/auth/secrets.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { enqueueMail, mayMailFromPublicForm } from '../../kernel/mail/index.js';

/**
 * A visitor asks to be told about trust-center changes (sub-processor changes announced in advance, certifications,
 * claims that stop or start holding); the address counts only once its owner follows the link. Someone who
 * unsubscribed starts over with a new confirmation.
 */
export async function subscribe(ctx: ServiceContext, email: string, publicUrl: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const token = randomSecret();
    const existing = await tx.db
      .selectFrom('subprocessor_subscribers')
      .select(['id', 'verified_at', 'unsubscribed_at'])
      .where('organization_id', '=', tx.organizationId)
      .where('email', '=', email)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.verified_at && !existing.unsubscribed_at) return;
    if (existing)
      await tx.db
        .updateTable('subprocessor_subscribers')
        .set({ token_hash: sha256Hex(token), verified_at: null, unsubscribed_at: null })
        .where('id', '=', existing.id)
        .execute();
    else
      await tx.db
        .insertInto('subprocessor_subscribers')
        .values({ organization_id: tx.organizationId, email, token_hash: sha256Hex(token) })
        .execute();
    if (!(await mayMailFromPublicForm(tx, email))) return;
    const org = await tx.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', tx.organizationId)
      .executeTakeFirstOrThrow();
    await enqueueMail(tx, {
      to: email,
      subject: `Confirm your subscription to changes of the ${org.name} trust center`,
      text: [
        `You asked to be told about changes on the ${org.name} trust center: intended changes to sub-processors`,
        '(announced before they take effect, with a link to object), new or changed certifications, and claims',
        'that stop or start holding.',
        '',
        `Open ${publicUrl}/trust/subprocessors/verify/${token} to confirm.`,
        'If you did not ask for this, ignore this message: nothing will be sent.',
      ].join('\n'),
    });
  });
}

export async function verifySubscriber(ctx: ServiceContext, token: string): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .updateTable('subprocessor_subscribers')
      .set({ verified_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('token_hash', '=', sha256Hex(token))
      .where('verified_at', 'is', null)
      .where('unsubscribed_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await recordAuditEvent(
      tx,
      'subprocessor-subscriber.verified',
      { type: 'subprocessor-subscriber', id: row.id },
      { subscriberId: row.id },
    );
    return true;
  });
}

/** The subscribers who confirmed and did not leave: the only ones mailed. */
export function activeSubscribers(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('subprocessor_subscribers')
    .select(['id', 'email'])
    .where('organization_id', '=', ctx.organizationId)
    .where('verified_at', 'is not', null)
    .where('unsubscribed_at', 'is', null)
    .orderBy('email')
    .execute();
}

/**
 * The footer every subscriber mail ends with: a link of its own (random, kept only as a hash) that stops the
 * messages. The caller queues the mail in the same transaction.
 */
export async function unsubscribeFooter(
  tx: ServiceContext,
  subscriberId: string,
  publicUrl: string,
): Promise<string> {
  const token = randomSecret();
  await tx.db
    .insertInto('trust_unsubscribe_tokens')
    .values({ token_hash: sha256Hex(token), organization_id: tx.organizationId, subscriber_id: subscriberId })
    .execute();
  return `\n\n--\nYou receive this because you subscribed to changes of this trust center.\nStop these messages: ${publicUrl}/trust/unsubscribe/${token}`;
}

/** Follows an unsubscribe link: true when it stopped a subscription, false for an unknown or spent link. */
export async function unsubscribe(ctx: ServiceContext, token: string): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .updateTable('subprocessor_subscribers as s')
      .set({ unsubscribed_at: new Date() })
      .from('trust_unsubscribe_tokens as t')
      .whereRef('t.subscriber_id', '=', 's.id')
      .where('t.organization_id', '=', tx.organizationId)
      .where('t.token_hash', '=', sha256Hex(token))
      .where('s.unsubscribed_at', 'is', null)
      .returning('s.id')
      .executeTakeFirst();
    if (!row) return false;
    await recordAuditEvent(
      tx,
      'subprocessor-subscriber.unsubscribed',
      { type: 'subprocessor-subscriber', id: row.id },
      { subscriberId: row.id },
    );
    return true;
  });
}
