import type { z } from 'zod';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import type {
  announceChangeSchema,
  Subprocessor,
  SubprocessorInput,
  subprocessorNotificationSchema,
  subscriberSchema,
} from '../../../contracts/trust-center.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { randomSecret, sha256Hex } from '../../kernel/auth/secrets.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { enqueueMail } from '../../kernel/mail/index.js';
import { countryRules, transferProblem } from '../organization/index.js';
import { addChangelogEntry } from './changelog.service.js';
import { activeSubscribers, unsubscribeFooter } from './subscriptions.service.js';
import { iso, presentSubprocessor } from './trust-center.presenter.js';

type Announcement = z.infer<typeof announceChangeSchema>;
type NotificationView = z.infer<typeof subprocessorNotificationSchema>;
type SubscriberView = z.infer<typeof subscriberSchema>;

const columns = [
  'id',
  'name',
  'purpose',
  'country',
  'transfer_mechanism',
  'status',
  'effective_on',
  'updated_at',
] as const;

export function listSubprocessors(ctx: ServiceContext, query: PageQuery): Promise<Page<Subprocessor>> {
  const q = ctx.db
    .selectFrom('subprocessors')
    .select(columns)
    .where('organization_id', '=', ctx.organizationId);
  return paged(q, (x) => x.orderBy('name').orderBy('id'), query, presentSubprocessor);
}

/** The country rule decides: a sub-processor outside the EU/EEA needs a lawful transfer mechanism. */
function values(input: SubprocessorInput) {
  const problem = transferProblem(input.country, input.transferMechanism);
  if (problem) {
    const field = problem.includes('ISO 3166') ? 'country' : 'transferMechanism';
    throw new AppError('VALIDATION_FAILED', `${field}: ${input.name}: ${problem}`, [
      { path: field, message: problem },
    ]);
  }
  return {
    name: input.name,
    purpose: input.purpose,
    country: input.country,
    transfer_mechanism: input.transferMechanism,
    status: input.status,
    effective_on: input.effectiveOn,
  };
}

const duplicate = (name: string) => conflict(`A sub-processor named ${name} already exists`);

export function createSubprocessor(ctx: ServiceContext, input: SubprocessorInput): Promise<Subprocessor> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('subprocessors')
      .values({ organization_id: tx.organizationId, ...values(input) })
      .returning(columns)
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicate(input.name);
        throw error;
      });
    if (row.status !== 'removed')
      await addChangelogEntry(
        tx,
        'subprocessor',
        `Sub-processor ${row.status === 'planned' ? 'planned' : 'added'}: ${row.name} (${countryRules.name(row.country)})`,
      );
    await recordAuditEvent(
      tx,
      'subprocessor.created',
      { type: 'subprocessor', id: row.id },
      {
        name: row.name,
        status: row.status,
      },
    );
    return presentSubprocessor(row);
  });
}

async function findSubprocessor(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('subprocessors')
    .select(columns)
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Sub-processor ${id}`);
  return row;
}

export function updateSubprocessor(
  ctx: ServiceContext,
  id: string,
  input: SubprocessorInput,
): Promise<Subprocessor> {
  return inTransaction(ctx, async (tx) => {
    const before = await findSubprocessor(tx, id);
    const row = await tx.db
      .updateTable('subprocessors')
      .set({ ...values(input), updated_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicate(input.name);
        throw error;
      });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of [
      'name',
      'purpose',
      'country',
      'transfer_mechanism',
      'status',
      'effective_on',
    ] as const) {
      if (before[key] !== row[key]) changes[key] = { from: before[key], to: row[key] };
    }
    if (changes.status)
      await addChangelogEntry(
        tx,
        'subprocessor',
        `Sub-processor ${row.name}: ${before.status} → ${row.status}`,
      );
    if (changes.country && row.status !== 'removed')
      await addChangelogEntry(
        tx,
        'subprocessor',
        `Sub-processor ${row.name} now processes data in ${countryRules.name(row.country)}`,
      );
    await recordAuditEvent(
      tx,
      'subprocessor.updated',
      { type: 'subprocessor', id },
      { name: row.name, changes },
    );
    return presentSubprocessor(row);
  });
}

function noticeBody(org: string, name: string, a: Announcement, objectUrl: string): string {
  return [
    `${org} intends to make a change to its sub-processors: ${name}.`,
    '',
    a.change,
    '',
    `The change takes effect on ${a.effectiveOn}.`,
    `To object to this change (GDPR Art. 28(2)), open ${objectUrl} before that date.`,
  ].join('\n');
}

/**
 * Records, per verified subscriber, that they were told about the intended change and when (the record is the
 * requirement), and queues the notice in the mail outbox in the same transaction.
 */
export function announceChange(
  ctx: ServiceContext,
  id: string,
  input: Announcement,
  publicUrl: string,
): Promise<{ notified: number }> {
  return inTransaction(ctx, async (tx) => {
    const sub = await findSubprocessor(tx, id);
    if (input.effectiveOn <= new Date().toISOString().slice(0, 10)) {
      throw new AppError(
        'VALIDATION_FAILED',
        'The change must take effect after today, so subscribers can object',
      );
    }
    const [org, subscribers] = await Promise.all([
      tx.db
        .selectFrom('organizations')
        .select('name')
        .where('id', '=', tx.organizationId)
        .executeTakeFirstOrThrow(),
      activeSubscribers(tx),
    ]);
    for (const subscriber of subscribers) {
      const token = randomSecret();
      const subject = `${org.name}: intended change to sub-processors (${sub.name}), effective ${input.effectiveOn}`;
      const body = noticeBody(
        org.name,
        sub.name,
        input,
        `${publicUrl}/trust/subprocessors/objections/${token}`,
      );
      const notice = await tx.db
        .insertInto('subprocessor_notifications')
        .values({
          organization_id: tx.organizationId,
          subprocessor_id: id,
          subscriber_id: subscriber.id,
          to_email: subscriber.email,
          change: input.change,
          effective_on: input.effectiveOn,
          subject,
          body,
          objection_token_hash: sha256Hex(token),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await enqueueMail(tx, {
        to: subscriber.email,
        subject,
        text: body + (await unsubscribeFooter(tx, subscriber.id, publicUrl)),
        dedupeKey: `subprocessor-notice:${notice.id}`,
      });
    }
    await addChangelogEntry(
      tx,
      'subprocessor',
      `Intended change announced for sub-processor ${sub.name}, effective ${input.effectiveOn}`,
      { mailed: true },
    );
    await recordAuditEvent(
      tx,
      'subprocessor.change-announced',
      { type: 'subprocessor', id },
      {
        name: sub.name,
        change: input.change,
        effectiveOn: input.effectiveOn,
        notified: subscribers.length,
      },
    );
    return { notified: subscribers.length };
  });
}

export function listNotifications(ctx: ServiceContext, query: PageQuery): Promise<Page<NotificationView>> {
  const q = ctx.db
    .selectFrom('subprocessor_notifications as n')
    .innerJoin('subprocessors as s', 's.id', 'n.subprocessor_id')
    .where('n.organization_id', '=', ctx.organizationId)
    .select([
      'n.id',
      's.name',
      'n.to_email',
      'n.change',
      'n.effective_on',
      'n.notified_at',
      'n.sent_at',
      'n.objected_at',
    ]);
  return paged(
    q,
    (x) => x.orderBy('n.notified_at', 'desc').orderBy('n.to_email'),
    query,
    (r) => ({
      id: r.id,
      subprocessorName: r.name,
      email: r.to_email,
      change: r.change,
      effectiveOn: r.effective_on,
      notifiedAt: new Date(r.notified_at).toISOString(),
      sentAt: iso(r.sent_at),
      objectedAt: iso(r.objected_at),
    }),
  );
}

export function listSubscribers(ctx: ServiceContext, query: PageQuery): Promise<Page<SubscriberView>> {
  const q = ctx.db
    .selectFrom('subprocessor_subscribers')
    .select(['id', 'email', 'verified_at', 'created_at'])
    .where('organization_id', '=', ctx.organizationId);
  return paged(
    q,
    (x) => x.orderBy('email'),
    query,
    (r) => ({
      id: r.id,
      email: r.email,
      verifiedAt: iso(r.verified_at),
      createdAt: new Date(r.created_at).toISOString(),
    }),
  );
}

export async function recordObjection(ctx: ServiceContext, token: string): Promise<string | null> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .updateTable('subprocessor_notifications as n')
      .set({ objected_at: new Date() })
      .from('subprocessors as s')
      .whereRef('s.id', '=', 'n.subprocessor_id')
      .where('n.organization_id', '=', tx.organizationId)
      .where('n.objection_token_hash', '=', sha256Hex(token))
      .where('n.objected_at', 'is', null)
      .returning(['n.id', 's.name'])
      .executeTakeFirst();
    if (!row) return null;
    await recordAuditEvent(
      tx,
      'subprocessor.objection-received',
      { type: 'subprocessor', id: row.id },
      {
        name: row.name,
        notificationId: row.id,
      },
    );
    return row.name;
  });
}
