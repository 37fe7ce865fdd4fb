import type {
  NcCounts,
  NcDetail,
  NcListQuery,
  NcSeverity,
  NcSource,
  NcStatus,
  NcSummary,
} from '../../../contracts/nonconformities.js';
import type { Page } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { changesBetween } from '../../kernel/audit/changes.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { nextReference } from '../../kernel/db/organization-references.js';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { presentAction, presentNcSummary, presentVerification } from './nonconformities.presenter.js';
import {
  actionsOf,
  filteredNonconformities,
  findNonconformity,
  ncListQuery,
  verificationsOf,
} from './nonconformities.repository.js';
import { assertPerson, today } from './people.js';

export interface RaiseNonconformity {
  source: NcSource;
  sourceRef?: string;
  severity: NcSeverity;
  description: string;
  ownerId?: string | null;
  /** The audit finding that raised it, when it came from an audit. */
  findingId?: string | null;
}

export interface NcFieldsPatch {
  description?: string;
  severity?: NcSeverity;
  ownerId?: string | null;
  sourceRef?: string;
  rootCause?: string;
  correction?: string;
}

export function listNonconformities(ctx: ServiceContext, query: NcListQuery): Promise<Page<NcSummary>> {
  return paged(
    filteredNonconformities(ctx, query),
    (q) => q.orderBy('n.raised_on', 'desc').orderBy('n.ref', 'desc'),
    query,
    presentNcSummary,
  );
}

export async function countNonconformities(ctx: ServiceContext): Promise<NcCounts> {
  const [ncs, overdue] = await Promise.all([
    ctx.db
      .selectFrom('nonconformities')
      .select((eb) => [
        eb.fn.countAll<number>().as('open'),
        eb.fn.count<number>('id').filterWhere('severity', '=', 'major').as('major'),
      ])
      .where('organization_id', '=', ctx.organizationId)
      .where('status', '!=', 'closed')
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('corrective_actions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', ctx.organizationId)
      .where('done_at', 'is', null)
      .where('due_date', '<', today())
      .executeTakeFirstOrThrow(),
  ]);
  return { open: Number(ncs.open), major: Number(ncs.major), overdueActions: Number(overdue.n) };
}

export async function getNonconformity(ctx: ServiceContext, id: string): Promise<NcDetail> {
  const row = await ncListQuery(ctx).where('n.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Nonconformity ${id}`);
  const [actions, verifications, finding] = await Promise.all([
    actionsOf(ctx, id),
    verificationsOf(ctx, id),
    row.finding_id
      ? ctx.db
          .selectFrom('audit_findings as f')
          .innerJoin('audits as a', 'a.id', 'f.audit_id')
          .select(['f.id', 'f.audit_id', 'f.type', 'a.title'])
          .where('f.id', '=', row.finding_id)
          .where('f.organization_id', '=', ctx.organizationId)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    ...presentNcSummary(row),
    rootCause: row.root_cause,
    correction: row.correction,
    closedAt: row.closed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    finding: finding
      ? { id: finding.id, auditId: finding.audit_id, auditTitle: finding.title, type: finding.type }
      : null,
    actions: actions.map(presentAction),
    verifications: verifications.map(presentVerification),
  };
}

/** Opens a nonconformity in the register; other modules (audits, checks, incidents) call this. */
export async function raiseNonconformity(ctx: ServiceContext, input: RaiseNonconformity): Promise<NcDetail> {
  return inTransaction(ctx, async (tx) => {
    await assertPerson(tx, input.ownerId ?? null, 'ownerId', 'owner');
    const ref = await nextReference(tx, 'nonconformities');
    const row = await tx.db
      .insertInto('nonconformities')
      .values({
        organization_id: tx.organizationId,
        ref,
        source: input.source,
        source_ref: input.sourceRef ?? '',
        finding_id: input.findingId ?? null,
        severity: input.severity,
        description: input.description,
        owner_id: input.ownerId ?? null,
        raised_on: today(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(
      tx,
      'nonconformity.raised',
      { type: 'nonconformity', id: row.id },
      {
        ref,
        source: input.source,
        sourceRef: input.sourceRef ?? '',
        severity: input.severity,
        findingId: input.findingId ?? null,
      },
    );
    return getNonconformity(tx, row.id);
  });
}

export const assertNotClosed = (nc: { ref: string; status: string }) => {
  if (nc.status === 'closed') throw conflict(`${nc.ref} is closed; it can no longer be changed`);
};

export async function updateNonconformity(
  ctx: ServiceContext,
  id: string,
  patch: NcFieldsPatch,
): Promise<NcDetail> {
  return inTransaction(ctx, async (tx) => {
    const before = await findNonconformity(tx, id);
    assertNotClosed(before);
    if (patch.ownerId !== undefined) await assertPerson(tx, patch.ownerId, 'ownerId', 'owner');
    const columns = {
      description: patch.description,
      severity: patch.severity,
      owner_id: patch.ownerId,
      source_ref: patch.sourceRef,
      root_cause: patch.rootCause,
      correction: patch.correction,
    };
    const changes = changesBetween(before, columns);
    if (Object.keys(changes).length === 0) return getNonconformity(tx, id);
    await tx.db
      .updateTable('nonconformities')
      .set({ ...columns, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'nonconformity.updated',
      { type: 'nonconformity', id },
      { ref: before.ref, changes },
    );
    return getNonconformity(tx, id);
  });
}

const nextStatus: Partial<Record<NcStatus, NcStatus>> = {
  open: 'correction',
  correction: 'corrective-action',
  'corrective-action': 'verification',
  verification: 'closed',
};

async function assertMayEnter(
  ctx: ServiceContext,
  nc: { id: string; ref: string; root_cause: string },
  to: NcStatus,
) {
  if (to === 'corrective-action' && nc.root_cause.trim() === '') {
    throw new AppError('VALIDATION_FAILED', `Record the root cause of ${nc.ref} before corrective action`, [
      { path: 'rootCause', message: 'The root cause is required before corrective action' },
    ]);
  }
  if (to !== 'verification' && to !== 'closed') return;
  const actions = await actionsOf(ctx, nc.id);
  if (actions.length === 0) throw conflict(`${nc.ref} has no corrective action yet; add one first`);
  const pending = actions.filter((a) => a.done_at === null);
  if (pending.length > 0) {
    const list = pending.map((a) => `"${a.description}"`).join(', ');
    throw conflict(`Every corrective action of ${nc.ref} must be done first; not done: ${list}`);
  }
  if (to !== 'closed') return;
  const latest = (await verificationsOf(ctx, nc.id)).at(-1);
  if (!latest) throw conflict(`${nc.ref} cannot be closed before its effectiveness has been verified`);
  if (latest.result !== 'effective') {
    throw conflict(`${nc.ref} cannot be closed: the latest verification found the actions not effective`);
  }
}

/** Moves a nonconformity one step along open → correction → corrective action → verification → closed. */
export async function changeNonconformityStatus(
  ctx: ServiceContext,
  id: string,
  to: NcStatus,
): Promise<NcDetail> {
  return inTransaction(ctx, async (tx) => {
    const nc = await findNonconformity(tx, id);
    assertNotClosed(nc);
    const from = nc.status;
    await assertMayEnter(tx, nc, to);
    if (nextStatus[from] !== to) {
      throw conflict(`${nc.ref} is in ${from}; the next step is ${nextStatus[from]}, not ${to}`);
    }
    await setStatus(tx, nc, to);
    return getNonconformity(tx, id);
  });
}

export async function setStatus(
  ctx: ServiceContext,
  nc: { id: string; ref: string; status: string },
  to: NcStatus,
) {
  await ctx.db
    .updateTable('nonconformities')
    .set({ status: to, updated_at: new Date(), closed_at: to === 'closed' ? new Date() : null })
    .where('id', '=', nc.id)
    .execute();
  await recordAuditEvent(
    ctx,
    'nonconformity.status-changed',
    { type: 'nonconformity', id: nc.id },
    { ref: nc.ref, from: nc.status, to },
  );
}
