import { z } from 'zod';
import type { CheckResult } from '../../../contracts/checks.js';
import {
  type CheckOutcome,
  type CheckTrigger,
  type ControlRef,
  checkOutcomeSchema,
  checkTriggerSchema,
} from '../../../contracts/evidence.js';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import type { ServiceContext } from '../../kernel/context.js';
import type { EvidenceRow } from '../../kernel/db/schema.js';
import { paged } from '../../kernel/http/paging.js';
import { linkControls } from './evidence.repository.js';

const DAY_MS = 86_400_000;
const storedDetails = z.json().nullable();

export interface CheckEvidence {
  check: { id: string; name: string; evidenceValidityDays: number };
  outcome: CheckOutcome;
  trigger: CheckTrigger;
  summary: string;
  details: unknown;
  /** The time the result proves; the evidence expires evidenceValidityDays later. */
  observedAt: Date;
  controls: readonly ControlRef[];
}

type ResultRow = Pick<
  EvidenceRow,
  | 'id'
  | 'check_id'
  | 'check_outcome'
  | 'check_trigger'
  | 'description'
  | 'valid_from'
  | 'expires_at'
  | 'check_details'
>;

export function presentCheckResult(r: ResultRow): CheckResult {
  const details = storedDetails.safeParse(r.check_details ?? null);
  return {
    evidenceId: r.id,
    checkId: r.check_id ?? '',
    outcome: checkOutcomeSchema.parse(r.check_outcome),
    trigger: checkTriggerSchema.parse(r.check_trigger),
    summary: r.description,
    observedAt: r.valid_from.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    details: details.success ? details.data : null,
  };
}

/** Writes a check result as evidence of the check's controls; the caller audits the run. */
export async function recordCheckEvidence(tx: ServiceContext, result: CheckEvidence): Promise<CheckResult> {
  const row = await tx.db
    .insertInto('evidence')
    .values({
      organization_id: tx.organizationId,
      kind: 'check-result',
      title: `${result.check.name}: ${result.outcome === 'pass' ? 'passed' : 'failed'}`,
      description: result.summary,
      check_id: result.check.id,
      check_outcome: result.outcome,
      check_trigger: result.trigger,
      check_details: result.details === undefined ? null : JSON.stringify(result.details),
      valid_from: result.observedAt,
      expires_at: new Date(result.observedAt.getTime() + result.check.evidenceValidityDays * DAY_MS),
      created_by: tx.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await linkControls(tx.db, tx.organizationId, row.id, result.controls);
  return presentCheckResult(row);
}

function resultsOf(ctx: ServiceContext, checkId: string) {
  return ctx.db
    .selectFrom('evidence')
    .select([
      'id',
      'check_id',
      'check_outcome',
      'check_trigger',
      'description',
      'valid_from',
      'expires_at',
      'check_details',
    ])
    .where('organization_id', '=', ctx.organizationId)
    .where('kind', '=', 'check-result')
    .where('check_id', '=', checkId);
}

/** The newest result of a check (by the time it proves), optionally of one trigger only. */
export async function latestCheckResult(
  ctx: ServiceContext,
  checkId: string,
  trigger?: CheckTrigger,
): Promise<CheckResult | undefined> {
  let q = resultsOf(ctx, checkId);
  if (trigger) q = q.where('check_trigger', '=', trigger);
  const row = await q.orderBy('valid_from', 'desc').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return row ? presentCheckResult(row) : undefined;
}

export function listCheckResults(
  ctx: ServiceContext,
  checkId: string,
  page: PageQuery,
): Promise<Page<CheckResult>> {
  return paged(
    resultsOf(ctx, checkId),
    (q) => q.orderBy('valid_from', 'desc').orderBy('created_at', 'desc').orderBy('id'),
    page,
    presentCheckResult,
  );
}

/** The newest file or link evidence of any of these controls that is already valid. */
export async function newestControlEvidence(
  ctx: ServiceContext,
  controlIds: readonly string[],
  now: Date,
): Promise<{ id: string; title: string; validFrom: Date } | undefined> {
  if (controlIds.length === 0) return undefined;
  const row = await ctx.db
    .selectFrom('evidence as e')
    .innerJoin('evidence_controls as ec', 'ec.evidence_id', 'e.id')
    .select(['e.id', 'e.title', 'e.valid_from'])
    .where('e.organization_id', '=', ctx.organizationId)
    .where('ec.organization_id', '=', ctx.organizationId)
    .where('ec.control_id', 'in', [...controlIds])
    .where('e.kind', 'in', ['file', 'link'])
    .where('e.valid_from', '<=', now)
    .orderBy('e.valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, title: row.title, validFrom: row.valid_from } : undefined;
}
