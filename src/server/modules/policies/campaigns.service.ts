import type { z } from 'zod';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import type {
  Acknowledgement,
  Campaign,
  CampaignPerson,
  campaignInputSchema,
  campaignPeopleQuerySchema,
  PendingAcknowledgement,
} from '../../../contracts/policies.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, conflict, forbidden } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { notifyAndAudit } from '../tasks/index.js';
import { campaignQuery, findCampaign, pendingTargets, presentCampaign } from './campaigns.repository.js';
import { findDocument, findVersion } from './policies.repository.js';
import { dayOf, isoDay, startOfDay } from './policy-dates.js';
import { acknowledgementRequest } from './policy-notifications.js';

type CampaignInput = z.output<typeof campaignInputSchema>;
type PeopleQuery = z.output<typeof campaignPeopleQuerySchema>;

async function publishedVersion(ctx: ServiceContext, documentId: string, title: string) {
  const version = await ctx.db
    .selectFrom('policy_versions')
    .select(['id', 'number'])
    .where('organization_id', '=', ctx.organizationId)
    .where('document_id', '=', documentId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!version)
    throw conflict(`“${title}” has no published version yet; publish one before asking people to read it`);
  return { id: version.id, number: Number(version.number) };
}

function targetUsers(ctx: ServiceContext, audience: CampaignInput['audience']) {
  let q = ctx.db
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('status', '=', 'active');
  if (audience.type === 'roles') q = q.where('role', 'in', audience.roles);
  return q.execute();
}

/** Asks the audience, as it is today, to accept the published version by the due date. */
export async function startCampaign(
  ctx: ServiceContext,
  documentId: string,
  input: CampaignInput,
  now = new Date(),
): Promise<Campaign> {
  const due = dayOf(input.dueOn);
  if (due <= startOfDay(now)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The due date ${input.dueOn} must be after today (${isoDay(now)})`,
      [{ path: 'dueOn', message: 'Must be after today' }],
    );
  }
  return inTransaction(ctx, async (tx) => {
    const doc = await findDocument(tx, documentId, true);
    const version = await publishedVersion(tx, documentId, doc.title);
    const running = await tx.db
      .selectFrom('policy_campaigns')
      .select('due_at')
      .where('version_id', '=', version.id)
      .executeTakeFirst();
    if (running) {
      throw conflict(
        `A campaign for version ${version.number} already exists (due ${isoDay(running.due_at)})`,
      );
    }
    const targets = await targetUsers(tx, input.audience);
    if (targets.length === 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        'No active person has the chosen roles; the campaign would ask nobody',
        [{ path: 'audience.roles', message: 'Nobody to ask' }],
      );
    }
    const campaign = await tx.db
      .insertInto('policy_campaigns')
      .values({
        organization_id: tx.organizationId,
        document_id: documentId,
        version_id: version.id,
        audience: JSON.stringify(input.audience),
        due_at: due,
        created_by: tx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('policy_campaign_targets')
      .values(
        targets.map((t) => ({ organization_id: tx.organizationId, campaign_id: campaign.id, user_id: t.id })),
      )
      .execute();
    await recordAuditEvent(
      tx,
      'policy.campaign-started',
      { type: 'policy', id: documentId },
      {
        title: doc.title,
        number: version.number,
        audience: input.audience.type === 'all' ? 'all' : input.audience.roles.join(','),
        targeted: targets.length,
        dueAt: input.dueOn,
      },
    );
    const request = {
      id: campaign.id,
      documentId,
      title: doc.title,
      number: version.number,
      dueOn: input.dueOn,
    };
    await notifyAndAudit(
      tx,
      'policy-acknowledgement',
      targets.map((t) => acknowledgementRequest(request, t.id, `policy-campaign:${campaign.id}`)),
    );
    return presentCampaign(await findCampaign(tx, campaign.id), now);
  });
}

export function listCampaigns(
  ctx: ServiceContext,
  documentId: string,
  query: PageQuery,
): Promise<Page<Campaign>> {
  return inTransaction(ctx, async (tx) => {
    await findDocument(tx, documentId);
    return paged(
      campaignQuery(tx).where('c.document_id', '=', documentId),
      (q) => q.orderBy('c.created_at', 'desc').orderBy('c.id'),
      query,
      (r) => presentCampaign(r),
    );
  });
}

export async function getCampaign(ctx: ServiceContext, id: string): Promise<Campaign> {
  return presentCampaign(await findCampaign(ctx, id));
}

export async function campaignPeople(
  ctx: ServiceContext,
  id: string,
  query: PeopleQuery,
): Promise<Page<CampaignPerson>> {
  const campaign = await findCampaign(ctx, id);
  let q = ctx.db
    .selectFrom('policy_campaign_targets as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .leftJoin('policy_acknowledgements as a', (j) =>
      j.onRef('a.user_id', '=', 't.user_id').on('a.version_id', '=', campaign.version_id),
    )
    .select(['t.user_id', 'u.name', 'u.email', 'u.role', 'a.acknowledged_at'])
    .where('t.campaign_id', '=', id)
    .where('t.organization_id', '=', ctx.organizationId)
    .where((eb) => eb.or([eb('u.status', '=', 'active'), eb('a.id', 'is not', null)]));
  if (query.state === 'pending') q = q.where('a.id', 'is', null);
  if (query.state === 'acknowledged') q = q.where('a.id', 'is not', null);
  const late = campaign.due_at < startOfDay(new Date());
  return paged(
    q,
    (x) => x.orderBy('u.name').orderBy('t.user_id'),
    query,
    (r) => ({
      userId: r.user_id,
      name: r.name,
      email: r.email,
      role: r.role,
      acknowledgedAt: r.acknowledged_at ? r.acknowledged_at.toISOString() : null,
      overdue: !r.acknowledged_at && late,
    }),
  );
}

/** Reminds everyone who has not accepted yet; at most once a day per person and campaign. */
export async function remindCampaign(
  ctx: ServiceContext,
  id: string,
  now = new Date(),
): Promise<{ reminded: number }> {
  return inTransaction(ctx, async (tx) => {
    const campaign = await findCampaign(tx, id);
    if (campaign.status !== 'published') {
      throw conflict(
        `Version ${campaign.number} is no longer the published version; start a campaign for the current one`,
      );
    }
    const pending = await pendingTargets(tx, id).execute();
    const request = {
      id,
      documentId: campaign.document_id,
      title: campaign.title,
      number: Number(campaign.number),
      dueOn: isoDay(campaign.due_at),
    };
    const reminded = await notifyAndAudit(
      tx,
      'policy-acknowledgement-reminder',
      pending.map((p) => ({
        ...acknowledgementRequest(request, p.user_id, `policy-ack:${id}:${isoDay(now)}`),
        kind: 'policy-acknowledgement-reminder',
      })),
    );
    return { reminded };
  });
}

/** The acting person's campaigns whose version is still published and not yet accepted by them. */
export async function myPendingAcknowledgements(
  ctx: ServiceContext,
  query: PageQuery,
): Promise<Page<PendingAcknowledgement>> {
  const userId = ctx.actor.userId;
  if (userId === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const today = startOfDay(new Date());
  const q = ctx.db
    .selectFrom('policy_campaign_targets as t')
    .innerJoin('policy_campaigns as c', 'c.id', 't.campaign_id')
    .innerJoin('policy_versions as v', 'v.id', 'c.version_id')
    .innerJoin('policy_documents as d', 'd.id', 'c.document_id')
    .select(['c.id', 'c.document_id', 'd.title', 'd.kind', 'v.number', 'c.due_at'])
    .where('t.user_id', '=', userId)
    .where('t.organization_id', '=', ctx.organizationId)
    .where('v.status', '=', 'published')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('policy_acknowledgements as a')
            .select('a.id')
            .whereRef('a.version_id', '=', 'c.version_id')
            .where('a.user_id', '=', userId),
        ),
      ),
    );
  return paged(
    q,
    (x) => x.orderBy('c.due_at').orderBy('c.id'),
    query,
    (r) => ({
      campaignId: r.id,
      documentId: r.document_id,
      title: r.title,
      kind: r.kind,
      versionNumber: Number(r.number),
      dueOn: isoDay(r.due_at),
      overdue: r.due_at < today,
    }),
  );
}

/** “I have read and accept version N”: only the published version, recorded once per person. */
export async function acknowledgeVersion(
  ctx: ServiceContext,
  documentId: string,
  number: number,
): Promise<Acknowledgement> {
  const userId = ctx.actor.userId;
  if (userId === null) throw forbidden('A document is accepted by a person');
  return inTransaction(ctx, async (tx) => {
    const doc = await findDocument(tx, documentId);
    const version = await findVersion(tx, documentId, number);
    if (version.status !== 'published') {
      throw conflict(
        `Version ${number} of “${doc.title}” is ${version.status}; only the published version can be accepted`,
      );
    }
    const inserted = await tx.db
      .insertInto('policy_acknowledgements')
      .values({ organization_id: tx.organizationId, version_id: version.id, user_id: userId })
      .onConflict((oc) => oc.columns(['version_id', 'user_id']).doNothing())
      .returning('acknowledged_at')
      .executeTakeFirst();
    if (inserted) {
      await recordAuditEvent(
        tx,
        'policy.acknowledged',
        { type: 'policy', id: documentId },
        { title: doc.title, number },
      );
    }
    const row =
      inserted ??
      (await tx.db
        .selectFrom('policy_acknowledgements')
        .select('acknowledged_at')
        .where('version_id', '=', version.id)
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow());
    return { documentId, versionNumber: number, acknowledgedAt: row.acknowledged_at.toISOString() };
  });
}
