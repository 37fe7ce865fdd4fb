import { sql } from 'kysely';
import { type Campaign, type PolicyAudience, policyAudienceSchema } from '../../../contracts/policies.js';
import type { ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { isoDay, startOfDay } from './policy-dates.js';

/** Campaigns with their figures: people targeted and how many accepted the campaign's version. */
export function campaignQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('policy_campaigns as c')
    .innerJoin('policy_documents as d', 'd.id', 'c.document_id')
    .innerJoin('policy_versions as v', 'v.id', 'c.version_id')
    .select([
      'c.id',
      'c.document_id',
      'c.version_id',
      'd.title',
      'v.number',
      'v.status',
      'c.audience',
      'c.due_at',
      'c.created_at',
    ])
    .select([
      // People disabled since the campaign started no longer count, unless they had already accepted.
      sql<number>`(SELECT count(*) FROM policy_campaign_targets t JOIN users u ON u.id = t.user_id
        WHERE t.campaign_id = c.id AND (u.status = 'active' OR EXISTS (
          SELECT 1 FROM policy_acknowledgements a WHERE a.version_id = c.version_id AND a.user_id = t.user_id)))`.as(
        'targeted',
      ),
      sql<number>`(SELECT count(*) FROM policy_campaign_targets t
        JOIN policy_acknowledgements a ON a.version_id = c.version_id AND a.user_id = t.user_id
        WHERE t.campaign_id = c.id)`.as('acknowledged'),
    ])
    .where('c.organization_id', '=', ctx.organizationId);
}

type CampaignRow = Awaited<ReturnType<ReturnType<typeof campaignQuery>['executeTakeFirstOrThrow']>>;

export const parseAudience = (stored: unknown): PolicyAudience => policyAudienceSchema.parse(stored);

export function presentCampaign(r: CampaignRow, now = new Date()): Campaign {
  const targeted = Number(r.targeted);
  const acknowledged = Number(r.acknowledged);
  return {
    id: r.id,
    documentId: r.document_id,
    documentTitle: r.title,
    versionNumber: Number(r.number),
    current: r.status === 'published',
    audience: parseAudience(r.audience),
    dueOn: isoDay(r.due_at),
    overdue: acknowledged < targeted && r.due_at < startOfDay(now),
    targeted,
    acknowledged,
    createdAt: r.created_at.toISOString(),
  };
}

export async function findCampaign(ctx: ServiceContext, id: string) {
  const row = await campaignQuery(ctx).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Campaign ${id}`);
  return row;
}

/** Targeted people who have not accepted the campaign's version. */
export function pendingTargets(ctx: ServiceContext, campaignId: string) {
  return ctx.db
    .selectFrom('policy_campaign_targets as t')
    .innerJoin('policy_campaigns as c', 'c.id', 't.campaign_id')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.user_id'])
    .where('t.campaign_id', '=', campaignId)
    .where('t.organization_id', '=', ctx.organizationId)
    .where('u.status', '=', 'active')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('policy_acknowledgements as a')
            .select('a.id')
            .whereRef('a.version_id', '=', 'c.version_id')
            .whereRef('a.user_id', '=', 't.user_id'),
        ),
      ),
    );
}
