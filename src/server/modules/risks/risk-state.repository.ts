import { sql } from 'kysely';
import type { ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import type { RiskState } from './risk-rules.js';

export interface RiskText {
  title: string;
  description: string;
  threat: string;
  vulnerability: string;
}

/** A stored risk as the state its rules are checked on. */
export async function findRiskState(
  ctx: ServiceContext,
  id: string,
): Promise<{ ref: string; text: RiskText; state: RiskState; approved: boolean }> {
  const row = await ctx.db
    .selectFrom('risks as r')
    .selectAll('r')
    .select([
      sql<string | null>`to_char(r.review_date, 'YYYY-MM-DD')`.as('review'),
      sql<string | null>`to_char(r.acceptance_expires_on, 'YYYY-MM-DD')`.as('expires'),
      sql<
        string[]
      >`coalesce((SELECT array_agg(control_id::text) FROM risk_controls WHERE risk_id = r.id), '{}')`.as(
        'control_ids',
      ),
      sql<
        string[]
      >`coalesce((SELECT array_agg(asset_id::text) FROM risk_assets WHERE risk_id = r.id), '{}')`.as(
        'asset_ids',
      ),
    ])
    .where('r.organization_id', '=', ctx.organizationId)
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Risk ${id}`);
  return {
    ref: row.ref,
    approved: row.acceptance_approved_at !== null,
    text: {
      title: row.title,
      description: row.description,
      threat: row.threat,
      vulnerability: row.vulnerability,
    },
    state: {
      ownerId: row.owner_id,
      inherentLikelihood: row.inherent_likelihood,
      inherentImpact: row.inherent_impact,
      residualLikelihood: row.residual_likelihood,
      residualImpact: row.residual_impact,
      treatment: row.treatment,
      controlIds: [...row.control_ids],
      assetIds: [...row.asset_ids],
      acceptanceApproverId: row.acceptance_approver_id,
      acceptanceExpiresOn: row.expires,
      transferTo: row.transfer_to,
      status: row.status,
      reviewDate: row.review,
    },
  };
}

/**
 * Inserts (id null) or updates a risk and replaces its asset and control links. `approvedAt` sets when the
 * acceptance was approved (null: not approved); undefined leaves it as it is.
 */
export async function saveRisk(
  ctx: ServiceContext,
  id: string | null,
  ref: string,
  text: RiskText,
  s: RiskState,
  approvedAt?: Date | null,
): Promise<string> {
  const columns = {
    ...text,
    owner_id: s.ownerId,
    inherent_likelihood: s.inherentLikelihood,
    inherent_impact: s.inherentImpact,
    residual_likelihood: s.residualLikelihood,
    residual_impact: s.residualImpact,
    treatment: s.treatment,
    acceptance_approver_id: s.acceptanceApproverId,
    acceptance_expires_on: s.acceptanceExpiresOn,
    transfer_to: s.transferTo,
    status: s.status,
    review_date: s.reviewDate,
    ...(approvedAt === undefined ? {} : { acceptance_approved_at: approvedAt }),
  };
  const org = ctx.organizationId;
  let riskId = id;
  if (riskId === null) {
    const row = await ctx.db
      .insertInto('risks')
      .values({ organization_id: org, ref, ...columns })
      .returning('id')
      .executeTakeFirstOrThrow();
    riskId = row.id;
  } else {
    await ctx.db
      .updateTable('risks')
      .set({ ...columns, updated_at: new Date() })
      .where('organization_id', '=', org)
      .where('id', '=', riskId)
      .execute();
    await ctx.db.deleteFrom('risk_controls').where('risk_id', '=', riskId).execute();
    await ctx.db.deleteFrom('risk_assets').where('risk_id', '=', riskId).execute();
  }
  const risk = riskId;
  if (s.controlIds.length > 0) {
    await ctx.db
      .insertInto('risk_controls')
      .values(s.controlIds.map((control_id) => ({ organization_id: org, risk_id: risk, control_id })))
      .execute();
  }
  if (s.assetIds.length > 0) {
    await ctx.db
      .insertInto('risk_assets')
      .values(s.assetIds.map((asset_id) => ({ organization_id: org, risk_id: risk, asset_id })))
      .execute();
  }
  return risk;
}
