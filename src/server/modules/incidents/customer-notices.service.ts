import type { z } from 'zod';
import type {
  CustomerContact,
  customerContactInputSchema,
  customerContactListQuerySchema,
  Notice,
  NoticeLanguage,
  noticeInputSchema,
} from '../../../contracts/incident-notices.js';
import type { Page } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { enqueueMail } from '../../kernel/mail/index.js';
import { activeSubscribers, unsubscribeFooter } from '../trust-center/index.js';
import { renderNotice } from './incident-notice-templates.js';
import { findIncident, lockIncident } from './incidents.repository.js';

type ContactRow = { id: string; service_id: string; email: string; name: string; language: NoticeLanguage };

const presentContact = (r: ContactRow): CustomerContact => ({
  id: r.id,
  serviceId: r.service_id,
  email: r.email,
  name: r.name,
  language: r.language,
});

export function listCustomerContacts(
  ctx: ServiceContext,
  query: z.output<typeof customerContactListQuerySchema>,
): Promise<Page<CustomerContact>> {
  let q = ctx.db
    .selectFrom('customer_contacts')
    .select(['id', 'service_id', 'email', 'name', 'language'])
    .where('organization_id', '=', ctx.organizationId);
  if (query.serviceId) q = q.where('service_id', '=', query.serviceId);
  return paged(q, (x) => x.orderBy('service_id').orderBy('email').orderBy('id'), query, presentContact);
}

export async function addCustomerContact(
  ctx: ServiceContext,
  input: z.output<typeof customerContactInputSchema>,
): Promise<CustomerContact> {
  return inTransaction(ctx, async (tx) => {
    const service = await tx.db
      .selectFrom('services')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', input.serviceId)
      .executeTakeFirst();
    if (!service)
      throw new AppError('VALIDATION_FAILED', 'serviceId names an unknown service', [
        { path: 'serviceId', message: `Unknown: ${input.serviceId}` },
      ]);
    const duplicate = await tx.db
      .selectFrom('customer_contacts')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('service_id', '=', input.serviceId)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
      .executeTakeFirst();
    if (duplicate) throw conflict(`${input.email} is already a contact of this service`);
    const row = await tx.db
      .insertInto('customer_contacts')
      .values({
        organization_id: tx.organizationId,
        service_id: input.serviceId,
        email: input.email,
        name: input.name,
        language: input.language,
      })
      .returning(['id', 'service_id', 'email', 'name', 'language'])
      .executeTakeFirstOrThrow()
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? conflict(`${input.email} is already a contact of this service`) : e;
      });
    await recordAuditEvent(
      tx,
      'customer-contact.added',
      { type: 'customer-contact', id: row.id },
      { email: row.email, serviceId: row.service_id, language: row.language },
    );
    return presentContact(row);
  });
}

export async function removeCustomerContact(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .deleteFrom('customer_contacts')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .returning(['email', 'service_id'])
      .executeTakeFirst();
    if (!row) throw notFound(`Customer contact ${id}`);
    await recordAuditEvent(
      tx,
      'customer-contact.removed',
      { type: 'customer-contact', id },
      { email: row.email, serviceId: row.service_id },
    );
  });
}

/** A trust-center subscriber's mail ends with their own unsubscribe link; a service's contact is not subscribed. */
interface Recipient {
  email: string;
  subscriberId: string | null;
}

/** Who is told, per language: verified trust-center subscribers, or the contacts of the affected services. */
async function recipientsByLanguage(
  tx: ServiceContext,
  input: z.output<typeof noticeInputSchema>,
  serviceIds: string[],
): Promise<Map<NoticeLanguage, Recipient[]>> {
  const rows: (Recipient & { language: NoticeLanguage })[] =
    input.audience === 'subscribers'
      ? (await activeSubscribers(tx)).map((r) => ({
          email: r.email,
          language: input.language,
          subscriberId: r.id,
        }))
      : serviceIds.length === 0
        ? []
        : (
            await tx.db
              .selectFrom('customer_contacts')
              .select(['email', 'language'])
              .where('organization_id', '=', tx.organizationId)
              .where('service_id', 'in', serviceIds)
              .orderBy('email')
              .execute()
          ).map((r) => ({ email: r.email, language: r.language, subscriberId: null }));
  const byLanguage = new Map<NoticeLanguage, Recipient[]>();
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.email.toLowerCase())) continue;
    seen.add(r.email.toLowerCase());
    byLanguage.set(r.language, [...(byLanguage.get(r.language) ?? []), r]);
  }
  return byLanguage;
}

/**
 * Tells the affected customers about an incident by mail through the outbox, and records what each was told and
 * when, in the same transaction: one notice per language, each recipient one mail.
 */
export async function notifyCustomers(
  ctx: ServiceContext,
  incidentId: string,
  input: z.output<typeof noticeInputSchema>,
  publicUrl: string,
): Promise<Notice[]> {
  await findIncident(ctx, incidentId);
  return inTransaction(ctx, async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const recipients = await recipientsByLanguage(tx, input, incident.service_ids);
    if (recipients.size === 0)
      throw new AppError(
        'VALIDATION_FAILED',
        input.audience === 'subscribers'
          ? 'The trust center has no verified subscribers to notify'
          : 'The affected services have no customer contacts to notify',
        [{ path: 'audience', message: 'No one to notify' }],
      );
    const [org, services] = await Promise.all([
      tx.db
        .selectFrom('organizations')
        .select('name')
        .where('id', '=', tx.organizationId)
        .executeTakeFirstOrThrow(),
      incident.service_ids.length === 0
        ? Promise.resolve([])
        : tx.db
            .selectFrom('services')
            .select('name')
            .where('organization_id', '=', tx.organizationId)
            .where('id', 'in', incident.service_ids)
            .orderBy('name')
            .execute(),
    ]);
    const sent: string[] = [];
    for (const [language, people] of recipients) {
      const emails = people.map((p) => p.email);
      const { subject, body } = renderNotice(language, {
        organization: org.name,
        title: incident.public_title || incident.title,
        ref: incident.ref,
        message: input.message,
        services: services.map((s) => s.name),
        publicStatus: incident.public_status,
        statusUrl: `${publicUrl.replace(/\/$/, '')}/status`,
      });
      const row = await tx.db
        .insertInto('incident_notices')
        .values({
          organization_id: tx.organizationId,
          incident_id: incident.id,
          audience: input.audience,
          language,
          subject,
          body,
          recipients: emails,
          sent_by: tx.actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const p of people)
        await enqueueMail(tx, {
          to: p.email,
          subject,
          text: p.subscriberId ? body + (await unsubscribeFooter(tx, p.subscriberId, publicUrl)) : body,
          dedupeKey: `incident-notice:${row.id}:${p.email}`,
        });
      await recordAuditEvent(
        tx,
        'incident.customers-notified',
        { type: 'incident', id: incident.id },
        { ref: incident.ref, audience: input.audience, language, recipients: emails.length },
      );
      sent.push(row.id);
    }
    return (await listNotices(tx, incidentId)).filter((n) => sent.includes(n.id));
  });
}

/** What customers were told about an incident, newest first. */
export async function listNotices(ctx: ServiceContext, incidentId: string): Promise<Notice[]> {
  await findIncident(ctx, incidentId);
  const rows = await ctx.db
    .selectFrom('incident_notices as n')
    .leftJoin('users as u', 'u.id', 'n.sent_by')
    .select([
      'n.id',
      'n.audience',
      'n.language',
      'n.subject',
      'n.body',
      'n.recipients',
      'n.sent_at',
      'u.name',
    ])
    .where('n.organization_id', '=', ctx.organizationId)
    .where('n.incident_id', '=', incidentId)
    .orderBy('n.sent_at', 'desc')
    .orderBy('n.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    audience: r.audience,
    language: r.language,
    subject: r.subject,
    body: r.body,
    recipients: r.recipients,
    sentBy: r.name,
    sentAt: r.sent_at.toISOString(),
  }));
}
