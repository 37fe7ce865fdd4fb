import type { Page } from '../../../contracts/paging.js';
import {
  type FindingDetail,
  type FindingListQuery,
  type FindingStateChange,
  type FindingSummary,
  type VulnerabilityOverview,
  vulnerabilitySeverities,
} from '../../../contracts/vulnerabilities.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { getRisk } from '../risks/index.js';
import { presentFindingDetail, presentFindingSummary } from './findings.presenter.js';
import {
  countActive,
  filteredFindings,
  findingQuery,
  lockFinding,
  todayUtc,
  weeklyOpen,
} from './findings.repository.js';

export function listFindings(ctx: ServiceContext, query: FindingListQuery): Promise<Page<FindingSummary>> {
  return paged(
    filteredFindings(ctx, query, todayUtc()),
    (q) => q.orderBy('f.fix_by', (o) => o.asc().nullsLast()).orderBy('f.id'),
    query,
    presentFindingSummary,
  );
}

export async function getFinding(ctx: ServiceContext, id: string): Promise<FindingDetail> {
  const row = await findingQuery(ctx, todayUtc()).where('f.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Vulnerability finding ${id}`);
  return presentFindingDetail(row);
}

/**
 * Triage: open, in progress, accepted (a risk acceptance: the approver is the actor, with a reason, an expiry
 * and the risk in the register it belongs to), false positive (reason) or not affected (VEX justification).
 * Fixed is not set by hand: a newer scan without the finding is the proof.
 */
export async function changeFindingState(
  ctx: ServiceContext,
  id: string,
  change: FindingStateChange,
): Promise<FindingDetail> {
  return inTransaction(ctx, async (tx) => {
    const finding = await lockFinding(tx, id);
    if (!finding) throw notFound(`Vulnerability finding ${id}`);
    if (finding.state === 'fixed') {
      throw new AppError(
        'CONFLICT',
        'This finding was fixed by a scan; it reopens if a scan reports it again',
      );
    }
    const reason = 'reason' in change ? change.reason : null;
    const until = change.state === 'accepted' ? change.until : null;
    const riskId = change.state === 'accepted' ? change.riskId : null;
    if (until !== null && until <= todayUtc()) {
      throw new AppError('VALIDATION_FAILED', 'An acceptance must expire in the future', [
        { path: 'until', message: 'Give a date after today' },
      ]);
    }
    if (riskId !== null) await getRisk(tx, riskId);
    if (change.state === 'accepted' && !tx.actor.userId) {
      throw new AppError('FORBIDDEN', 'A risk acceptance is approved by a person, not an API token');
    }
    await tx.db
      .updateTable('vulnerability_findings')
      .set({
        state: change.state,
        state_reason: reason,
        vex_justification: change.state === 'not_affected' ? change.justification : null,
        accepted_by: change.state === 'accepted' ? tx.actor.userId : null,
        accepted_until: until,
        risk_id: riskId,
        updated_at: new Date(),
      })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'vulnerability.state-changed',
      { type: 'vulnerability-finding', id },
      {
        primaryId: finding.primary_id,
        target: finding.target_name,
        from: finding.state,
        to: change.state,
        reason: reason ?? (change.state === 'not_affected' ? change.justification : null),
        until,
        riskId,
      },
    );
    return getFinding(tx, id);
  });
}

const zeroes = () => ({ critical: 0, high: 0, medium: 0, low: 0 });

/** Open and overdue findings per severity, and the weekly trend of open findings (12 weeks). */
export async function vulnerabilityOverview(
  ctx: ServiceContext,
  now = new Date(),
): Promise<VulnerabilityOverview> {
  const [active, weekly] = await Promise.all([countActive(ctx, todayUtc(now)), weeklyOpen(ctx, 12, now)]);
  const open = zeroes();
  const overdue = zeroes();
  for (const row of active) {
    if (row.severity === 'info') continue;
    open[row.severity] = row.open;
    overdue[row.severity] = row.overdue;
  }
  const weeks = new Map<string, ReturnType<typeof zeroes>>();
  for (const row of weekly) {
    const counts = weeks.get(row.week) ?? zeroes();
    const severity = vulnerabilitySeverities.find((s) => s === row.severity);
    if (severity && severity !== 'info') counts[severity] = row.n;
    weeks.set(row.week, counts);
  }
  return { open, overdue, trend: [...weeks].map(([week, counts]) => ({ week, ...counts })) };
}
