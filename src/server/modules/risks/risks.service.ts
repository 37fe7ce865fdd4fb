import type { z } from 'zod';
import type { Page } from '../../../contracts/paging.js';
import type {
  RiskDetail,
  RiskHistoryEvent,
  RiskListQuery,
  RiskSummary,
  riskInputSchema,
  riskPatchSchema,
} from '../../../contracts/risks.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { controlVisible } from '../../kernel/auth/framework-scope.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { nextReference } from '../../kernel/db/organization-references.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { approvalTime, recordAcceptanceStep, settleAcceptance } from './risk-acceptance.service.js';
import { getRiskMatrix } from './risk-matrix.service.js';
import {
  assertRiskState,
  type Changed,
  everything,
  normaliseTreatment,
  type RiskState,
} from './risk-rules.js';
import { findRiskState, saveRisk } from './risk-state.repository.js';
import { assertMayEditRisk } from './risks.policy.js';
import { presentRiskSummary } from './risks.presenter.js';
import { filteredRisks, riskListQuery, todayUtc } from './risks.repository.js';

type RiskInput = z.output<typeof riskInputSchema>;
type RiskPatch = z.output<typeof riskPatchSchema>;

export async function listRisks(ctx: ServiceContext, query: RiskListQuery): Promise<Page<RiskSummary>> {
  const matrix = await getRiskMatrix(ctx);
  return paged(
    filteredRisks(ctx, query, matrix.bands, todayUtc()),
    (q) => q.orderBy('r.ref').orderBy('r.id'),
    query,
    presentRiskSummary(matrix.bands),
    {
      keyset: [
        { column: 'r.ref', direction: 'asc' },
        { column: 'r.id', direction: 'asc' },
      ],
    },
  );
}

export async function getRisk(ctx: ServiceContext, id: string): Promise<RiskDetail> {
  const today = todayUtc();
  const [matrix, row, assets, controls] = await Promise.all([
    getRiskMatrix(ctx),
    riskListQuery(ctx, today).where('r.id', '=', id).executeTakeFirst(),
    ctx.db
      .selectFrom('risk_assets as ra')
      .innerJoin('assets as a', 'a.id', 'ra.asset_id')
      .select(['a.id', 'a.name'])
      .where('ra.organization_id', '=', ctx.organizationId)
      .where('ra.risk_id', '=', id)
      .orderBy('a.name')
      .execute(),
    ctx.db
      .selectFrom('risk_controls as rc')
      .innerJoin('controls as c', 'c.id', 'rc.control_id')
      .select(['c.id', 'c.ref', 'c.title', 'c.status'])
      .where('rc.organization_id', '=', ctx.organizationId)
      .where('rc.risk_id', '=', id)
      .where(controlVisible(ctx.actor, 'c.id'))
      .orderBy('c.ref')
      .execute(),
  ]);
  if (!row) throw notFound(`Risk ${id}`);
  return {
    ...presentRiskSummary(matrix.bands)(row),
    description: row.description,
    threat: row.threat,
    vulnerability: row.vulnerability,
    assets,
    controls: controls.map((c) => ({ ...c, status: c.status })),
    acceptance:
      row.acceptance_approver_id && row.acceptance_expires_on
        ? {
            approver: { id: row.acceptance_approver_id, name: row.approver_name ?? '' },
            expiresOn: row.acceptance_expires_on,
            expired: row.acceptance_expires_on < today,
            approvedAt: row.acceptance_approved_at ? row.acceptance_approved_at.toISOString() : null,
          }
        : null,
    transferTo: row.transfer_to,
    createdAt: row.created_at.toISOString(),
  };
}

async function validated(ctx: ServiceContext, state: RiskState, changed: Changed): Promise<RiskState> {
  const normal = normaliseTreatment({
    ...state,
    controlIds: [...new Set(state.controlIds)],
    assetIds: [...new Set(state.assetIds)],
  });
  await assertRiskState(ctx, normal, await getRiskMatrix(ctx), todayUtc(), changed);
  return normal;
}

export async function createRisk(ctx: ServiceContext, input: RiskInput): Promise<RiskDetail> {
  return inTransaction(ctx, async (tx) => {
    const state = await validated(
      tx,
      {
        ...input,
        residualLikelihood: input.residualLikelihood ?? input.inherentLikelihood,
        residualImpact: input.residualImpact ?? input.inherentImpact,
      },
      everything,
    );
    const settled = settleAcceptance(tx.actor, null, state, input.status !== undefined);
    const ref = await nextReference(tx, 'risks');
    const text = {
      title: input.title,
      description: input.description,
      threat: input.threat,
      vulnerability: input.vulnerability,
    };
    const id = await saveRisk(tx, null, ref, text, settled.state, approvalTime(settled.outcome));
    await recordAuditEvent(
      tx,
      'risk.created',
      { type: 'risk', id },
      {
        ref,
        title: input.title,
        inherent: `${state.inherentLikelihood}×${state.inherentImpact}`,
        residual: `${state.residualLikelihood}×${state.residualImpact}`,
        treatment: state.treatment,
        ownerId: state.ownerId,
      },
    );
    await recordAcceptanceStep(tx, id, ref, settled.state, settled.outcome);
    return getRisk(tx, id);
  });
}

export async function updateRisk(ctx: ServiceContext, id: string, patch: RiskPatch): Promise<RiskDetail> {
  return inTransaction(ctx, async (tx) => {
    const before = await findRiskState(tx, id);
    assertMayEditRisk(tx.actor, { owner_id: before.state.ownerId }, patch);
    const { title, description, threat, vulnerability, ...statePatch } = patch;
    const given = withoutUndefined(statePatch);
    const validState = await validated(tx, { ...before.state, ...given }, (field) => field in given);
    const settled = settleAcceptance(tx.actor, before, validState, given.status !== undefined);
    const state = settled.state;
    const text = {
      title: title ?? before.text.title,
      description: description ?? before.text.description,
      threat: threat ?? before.text.threat,
      vulnerability: vulnerability ?? before.text.vulnerability,
    };
    const changes = changedFields({ ...before.text, ...before.state }, { ...text, ...state });
    if (Object.keys(changes).length === 0) return getRisk(tx, id);
    await saveRisk(tx, id, before.ref, text, state, approvalTime(settled.outcome));
    await recordAuditEvent(tx, 'risk.updated', { type: 'risk', id }, { ref: before.ref, changes });
    await recordAcceptanceStep(tx, id, before.ref, state, settled.outcome);
    return getRisk(tx, id);
  });
}

/** A patch's given fields: `undefined` means "leave as is", `null` clears. */
function withoutUndefined<T extends object>(patch: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<{
    [K in keyof T]: Exclude<T[K], undefined>;
  }>;
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key];
    const same = Array.isArray(to)
      ? JSON.stringify([...to].sort()) === JSON.stringify([...(from as unknown[])].sort())
      : from === to;
    if (!same) changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

export async function deleteRisk(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await findRiskState(tx, id);
    await tx.db
      .deleteFrom('risks')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'risk.deleted',
      { type: 'risk', id },
      { ref: before.ref, title: before.text.title },
    );
  });
}

export async function riskHistory(
  ctx: ServiceContext,
  id: string,
  query: { page: number; pageSize: number },
): Promise<Page<RiskHistoryEvent>> {
  await findRiskState(ctx, id);
  return paged(
    ctx.db
      .selectFrom('audit_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .select(['e.seq', 'e.occurred_at', 'e.action', 'u.name as actor_name', 'e.data'])
      .where('e.organization_id', '=', ctx.organizationId)
      .where('e.entity_type', '=', 'risk')
      .where('e.entity_id', '=', id),
    (q) => q.orderBy('e.seq', 'desc'),
    query,
    (r) => ({
      seq: Number(r.seq),
      occurredAt: r.occurred_at.toISOString(),
      action: r.action,
      actorName: r.actor_name,
      data: r.data as Record<string, unknown>,
    }),
  );
}
