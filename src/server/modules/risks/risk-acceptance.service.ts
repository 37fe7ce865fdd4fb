import type { RiskDetail } from '../../../contracts/risks.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { type Actor, inTransaction, type ServiceContext } from '../../kernel/context.js';
import { conflict, forbidden, notFound } from '../../kernel/errors/app-error.js';
import type { RiskState } from './risk-rules.js';
import { approverRoles } from './risks.policy.js';
import { todayUtc } from './risks.repository.js';

/**
 * Accepting a risk is an action of the approver named on the acceptance. The owner (or a manager) proposes:
 * treatment accept, an approver and an expiry; the risk waits, not accepted, until that approver approves it
 * from their own signed-in session. Changing the terms of an approved acceptance makes it wait again.
 */
type Outcome = 'approved' | 'proposed' | 'lapsed' | 'unchanged';

const termsOf = (s: RiskState | null) =>
  s?.treatment === 'accept' ? `${s.acceptanceApproverId}|${s.acceptanceExpiresOn}` : null;

function isApprover(actor: Actor, approverId: string | null): boolean {
  return (
    actor.type === 'user' &&
    approverId !== null &&
    actor.userId === approverId &&
    approverRoles.includes(actor.role ?? '')
  );
}

const onlyTheApprover = () =>
  forbidden(
    'Only the approver named on the acceptance can accept this risk: save it with the treatment accept, and the approver approves it from their own session',
  );

/**
 * Decides, before a create or update is saved, what happens to the acceptance. `statusGiven` tells whether
 * the caller asked for the status; an unasked status accepted whose terms change falls back to treating.
 */
export function settleAcceptance(
  actor: Actor,
  before: { state: RiskState; approved: boolean } | null,
  after: RiskState,
  statusGiven: boolean,
): { state: RiskState; outcome: Outcome } {
  const termsChanged = termsOf(before?.state ?? null) !== termsOf(after);
  const approvedBefore = before?.approved ?? false;
  if (after.status === 'accepted') {
    if (isApprover(actor, after.acceptanceApproverId)) {
      return { state: after, outcome: approvedBefore && !termsChanged ? 'unchanged' : 'approved' };
    }
    if (approvedBefore && !termsChanged) return { state: after, outcome: 'unchanged' };
    if (statusGiven) throw onlyTheApprover();
    return { state: { ...after, status: 'treating' }, outcome: 'proposed' };
  }
  if (after.treatment === 'accept' && termsChanged) return { state: after, outcome: 'proposed' };
  return { state: after, outcome: approvedBefore ? 'lapsed' : 'unchanged' };
}

/** The approval time to save with the risk for an outcome; undefined leaves it as it is. */
export function approvalTime(outcome: Outcome): Date | null | undefined {
  if (outcome === 'unchanged') return undefined;
  return outcome === 'approved' ? new Date() : null;
}

/** After saving: the audit event of the acceptance step, in the same transaction. */
export async function recordAcceptanceStep(
  tx: ServiceContext,
  id: string,
  ref: string,
  state: RiskState,
  outcome: Outcome,
): Promise<void> {
  const expiresOn = state.acceptanceExpiresOn ?? '';
  if (outcome === 'proposed') {
    await recordAuditEvent(
      tx,
      'risk.acceptance-proposed',
      { type: 'risk', id },
      { ref, approverId: state.acceptanceApproverId ?? '', expiresOn },
    );
  } else if (outcome === 'approved') {
    await recordAuditEvent(tx, 'risk.acceptance-approved', { type: 'risk', id }, { ref, expiresOn });
  }
}

/** The approver approves the acceptance proposed for a risk; from then on the risk is accepted. */
export async function approveRiskAcceptance(
  ctx: ServiceContext,
  id: string,
  getRisk: (ctx: ServiceContext, id: string) => Promise<RiskDetail>,
): Promise<RiskDetail> {
  if (ctx.actor.type !== 'user') {
    throw forbidden('Approve a risk acceptance in your own signed-in session, not with an API token');
  }
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('risks')
      .select(['ref', 'treatment', 'acceptance_approver_id', 'acceptance_approved_at', 'status'])
      .select((eb) =>
        eb.fn<string | null>('to_char', ['acceptance_expires_on', eb.val('YYYY-MM-DD')]).as('expires'),
      )
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound(`Risk ${id}`);
    if (row.treatment !== 'accept' || !row.acceptance_approver_id || !row.expires) {
      throw conflict(
        'This risk has no acceptance to approve: its treatment must be accept, with an approver and an expiry',
      );
    }
    if (!isApprover(tx.actor, row.acceptance_approver_id)) throw onlyTheApprover();
    if (row.acceptance_approved_at && row.status === 'accepted')
      throw conflict('This acceptance is already approved');
    if (row.expires <= todayUtc()) {
      throw conflict(`The acceptance expired on ${row.expires}; set a later expiry before approving it`);
    }
    await tx.db
      .updateTable('risks')
      .set({ status: 'accepted', acceptance_approved_at: new Date(), updated_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'risk.acceptance-approved',
      { type: 'risk', id },
      { ref: row.ref, expiresOn: row.expires },
    );
    return getRisk(tx, id);
  });
}
