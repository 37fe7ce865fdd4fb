import {
  type RiskMatrix,
  type RiskStatus,
  riskScoreProblems,
  type Treatment,
} from '../../../contracts/risks.js';
import type { ServiceContext } from '../../kernel/context.js';
import { AppError, type ErrorDetail } from '../../kernel/errors/app-error.js';
import { assertActiveUser } from '../assets/index.js';
import { approverRoles } from './risks.policy.js';

/** A risk as it will be stored, after a create or a patch is applied. */
export interface RiskState {
  ownerId: string | null;
  inherentLikelihood: number;
  inherentImpact: number;
  residualLikelihood: number;
  residualImpact: number;
  treatment: Treatment | null;
  controlIds: string[];
  assetIds: string[];
  acceptanceApproverId: string | null;
  acceptanceExpiresOn: string | null;
  transferTo: string | null;
  status: RiskStatus;
  reviewDate: string | null;
}

/**
 * Which fields the change sets. Facts that can lapse after they were recorded — an active owner, a manager as
 * approver, an expiry after today — are checked only when set, so an expired acceptance or a departed owner
 * does not block unrelated edits.
 */
export type Changed = (field: keyof RiskState) => boolean;
export const everything: Changed = () => true;

const invalid = (message: string, details: ErrorDetail[]) =>
  new AppError('VALIDATION_FAILED', message, details);

function assertScores(s: RiskState, matrix: RiskMatrix): void {
  const problems = riskScoreProblems(s, matrix);
  const first = problems[0];
  if (first)
    throw invalid(
      first.summary,
      problems.map(({ path, message }) => ({ path, message })),
    );
}

/** The treatment's own fields: controls to mitigate, an approver and expiry to accept, a party to transfer to. */
function assertTreatmentFields(s: RiskState, today: string, changed: Changed): void {
  if (s.treatment === 'mitigate' && s.controlIds.length === 0) {
    throw invalid('Mitigation needs at least one control', [
      { path: 'controlIds', message: 'Pick the mitigating controls' },
    ]);
  }
  if (s.treatment === 'accept') {
    const missing: ErrorDetail[] = [];
    if (!s.acceptanceApproverId)
      missing.push({ path: 'acceptanceApproverId', message: 'Who approves the acceptance' });
    if (!s.acceptanceExpiresOn)
      missing.push({ path: 'acceptanceExpiresOn', message: 'When the acceptance ends' });
    if (missing.length > 0) throw invalid('Accepting a risk needs an approver and an expiry date', missing);
    const recorded = changed('treatment') || changed('acceptanceExpiresOn');
    if (recorded && (s.acceptanceExpiresOn ?? '') <= today) {
      throw invalid(`The acceptance must expire after today (${today})`, [
        { path: 'acceptanceExpiresOn', message: 'Must be a date after today' },
      ]);
    }
    if (s.reviewDate && s.acceptanceExpiresOn && s.reviewDate > s.acceptanceExpiresOn) {
      throw invalid(
        `The review date ${s.reviewDate} is after the acceptance expires (${s.acceptanceExpiresOn}); review an accepted risk before its acceptance ends`,
        [{ path: 'reviewDate', message: `On or before ${s.acceptanceExpiresOn}` }],
      );
    }
  }
  if (s.treatment === 'transfer' && !s.transferTo) {
    throw invalid('Transferring a risk needs the party it is transferred to', [
      { path: 'transferTo', message: 'e.g. the insurer or supplier' },
    ]);
  }
  if (s.status === 'accepted' && s.treatment !== 'accept') {
    throw invalid('Only a risk treated by acceptance can have the status accepted', [
      { path: 'status', message: 'Set the treatment to accept first' },
    ]);
  }
}

async function assertIdsOf(
  ctx: ServiceContext,
  table: 'controls' | 'assets',
  field: string,
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  const found = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', 'in', ids)
    .execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) {
    const noun = table === 'controls' ? 'control' : 'asset';
    throw invalid(`Unknown ${noun}(s): ${missing.slice(0, 5).join(', ')}`, [
      { path: field, message: `${missing.length} id(s) are not ${noun}s of this organisation` },
    ]);
  }
}

async function assertApprover(ctx: ServiceContext, approverId: string | null): Promise<void> {
  const approver = await assertActiveUser(ctx, 'acceptanceApproverId', approverId, 'approver');
  if (approver && !approverRoles.includes(approver.role)) {
    throw invalid('The approver of a risk acceptance must be a compliance manager or an admin', [
      { path: 'acceptanceApproverId', message: `That user is a ${approver.role}` },
    ]);
  }
}

export async function assertRiskState(
  ctx: ServiceContext,
  state: RiskState,
  matrix: RiskMatrix,
  today: string,
  changed: Changed,
): Promise<void> {
  assertScores(state, matrix);
  assertTreatmentFields(state, today, changed);
  if (changed('ownerId')) await assertActiveUser(ctx, 'ownerId', state.ownerId);
  const approverSet = changed('treatment') || changed('acceptanceApproverId');
  if (approverSet && state.treatment === 'accept') await assertApprover(ctx, state.acceptanceApproverId);
  await assertIdsOf(ctx, 'controls', 'controlIds', state.controlIds);
  await assertIdsOf(ctx, 'assets', 'assetIds', state.assetIds);
}

/** Fields that do not belong to the chosen treatment are cleared, so a stored risk is never contradictory. */
export function normaliseTreatment(s: RiskState): RiskState {
  return {
    ...s,
    acceptanceApproverId: s.treatment === 'accept' ? s.acceptanceApproverId : null,
    acceptanceExpiresOn: s.treatment === 'accept' ? s.acceptanceExpiresOn : null,
    transferTo: s.treatment === 'transfer' ? s.transferTo : null,
  };
}
