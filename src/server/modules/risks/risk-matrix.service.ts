import { sql } from 'kysely';
import { z } from 'zod';
import {
  levelOfScore,
  type RiskLevel,
  type RiskMatrix,
  type RiskMatrixInput,
  type ScoreBands,
} from '../../../contracts/risks.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';

export const defaultMatrix: RiskMatrix = {
  likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  impactLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  bands: { medium: 5, high: 10, critical: 20 },
  updatedAt: null,
};

const storedLabels = z.array(z.string()).min(3).max(5);

/** The level of a score; one definition shared with the web app's live score. */
export const levelOf = levelOfScore;

/** The level of a score as SQL, for filters and counts that must agree with levelOf. */
export function levelSql(score: ReturnType<typeof sql>, bands: ScoreBands) {
  return sql<RiskLevel>`CASE WHEN ${score} >= ${bands.critical} THEN 'critical'
    WHEN ${score} >= ${bands.high} THEN 'high' WHEN ${score} >= ${bands.medium} THEN 'medium' ELSE 'low' END`;
}

export async function getRiskMatrix(ctx: ServiceContext): Promise<RiskMatrix> {
  const row = await ctx.db
    .selectFrom('risk_matrices')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  if (!row) return defaultMatrix;
  return {
    likelihoodLabels: storedLabels.parse(row.likelihood_labels),
    impactLabels: storedLabels.parse(row.impact_labels),
    bands: { medium: row.band_medium, high: row.band_high, critical: row.band_critical },
    updatedAt: row.updated_at.toISOString(),
  };
}

function assertBands(bands: ScoreBands, maxScore: number): void {
  if (!(bands.medium < bands.high && bands.high < bands.critical)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Score bands must rise: medium (${bands.medium}) < high (${bands.high}) < critical (${bands.critical})`,
      [{ path: 'bands', message: 'Thresholds must be in increasing order' }],
    );
  }
  if (bands.critical > maxScore) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The critical threshold ${bands.critical} is above the highest score of this matrix (${maxScore})`,
      [{ path: 'bands.critical', message: `At most ${maxScore}` }],
    );
  }
}

/** Risks whose likelihood or impact would fall outside a matrix of this size. */
async function risksOutside(ctx: ServiceContext, likelihoods: number, impacts: number): Promise<number> {
  const row = await ctx.db
    .selectFrom('risks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', ctx.organizationId)
    .where((eb) => eb.or([eb('inherent_likelihood', '>', likelihoods), eb('inherent_impact', '>', impacts)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function putRiskMatrix(ctx: ServiceContext, input: RiskMatrixInput): Promise<RiskMatrix> {
  const likelihoods = input.likelihoodLabels.length;
  const impacts = input.impactLabels.length;
  assertBands(input.bands, likelihoods * impacts);
  return inTransaction(ctx, async (tx) => {
    const before = await getRiskMatrix(tx);
    await sql`SELECT 1 FROM organizations WHERE id = ${tx.organizationId} FOR UPDATE`.execute(tx.db);
    const outside = await risksOutside(tx, likelihoods, impacts);
    if (outside > 0) {
      throw new AppError(
        'CONFLICT',
        `${outside} risk(s) are assessed above a ${likelihoods}×${impacts} matrix; lower their likelihood and impact first`,
      );
    }
    const values = {
      likelihood_labels: JSON.stringify(input.likelihoodLabels),
      impact_labels: JSON.stringify(input.impactLabels),
      band_medium: input.bands.medium,
      band_high: input.bands.high,
      band_critical: input.bands.critical,
      updated_at: new Date(),
    };
    await tx.db
      .insertInto('risk_matrices')
      .values({ organization_id: tx.organizationId, ...values })
      .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
      .execute();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['likelihoodLabels', 'impactLabels', 'bands'] as const) {
      if (JSON.stringify(before[key]) !== JSON.stringify(input[key])) {
        changes[key] = { from: before[key], to: input[key] };
      }
    }
    await recordAuditEvent(tx, 'risk-matrix.updated', { type: 'risk-matrix', id: null }, { changes });
    return getRiskMatrix(tx);
  });
}
