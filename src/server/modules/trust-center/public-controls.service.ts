import type { CheckStatus } from '../../../contracts/checks.js';
import type { PublicControl, PublicControlSetInput } from '../../../contracts/public-controls.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { controlVisible } from '../../kernel/auth/framework-scope.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { evidenceState, newestEvidenceDate } from '../controls/index.js';
import { publicControlHealth } from './public-controls.rules.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function checksOf(ctx: ServiceContext, controlIds: string[]) {
  const byControl = new Map<string, { name: string; status: CheckStatus; lastRunAt: Date | null }[]>();
  if (controlIds.length === 0) return byControl;
  const rows = await ctx.db
    .selectFrom('check_controls as cc')
    .innerJoin('checks as k', 'k.id', 'cc.check_id')
    .select(['cc.control_id', 'k.name', 'k.status', 'k.last_run_at'])
    .where('k.organization_id', '=', ctx.organizationId)
    .where('cc.control_id', 'in', controlIds)
    .orderBy('k.name')
    .execute();
  for (const r of rows) {
    const list = byControl.get(r.control_id) ?? [];
    list.push({
      name: r.name,
      status: r.status as CheckStatus,
      lastRunAt: r.last_run_at ? new Date(r.last_run_at) : null,
    });
    byControl.set(r.control_id, list);
  }
  return byControl;
}

/** The chosen controls in their order, each with the health computed from its checks and evidence now. */
export async function getPublicControls(ctx: ServiceContext): Promise<PublicControl[]> {
  const rows = await ctx.db
    .selectFrom('trust_public_controls as p')
    .innerJoin('controls as c', 'c.id', 'p.control_id')
    .select([
      'p.control_id',
      'p.domain',
      'p.public_title',
      'c.ref',
      'c.title',
      'c.status',
      evidenceState('c').as('evidence'),
      controlVisible(ctx.actor, 'c.id').as('visible'),
      newestEvidenceDate('c').as('newest'),
    ])
    .where('p.organization_id', '=', ctx.organizationId)
    .orderBy('p.position')
    .execute();
  const checks = await checksOf(
    ctx,
    rows.map((r) => r.control_id),
  );
  return rows.map((r) => {
    const health = publicControlHealth({
      status: r.status,
      evidence: r.evidence,
      newestEvidence: r.newest ? new Date(r.newest) : null,
      checks: checks.get(r.control_id) ?? [],
    });
    // The domain, public title and state are public anyway; a scoped auditor does not learn the internal
    // reference, title or the reasons of a control outside their scope.
    return {
      controlId: r.control_id,
      ref: r.visible ? r.ref : 'outside your audit scope',
      title: r.visible ? r.title : '',
      publicTitle: r.public_title,
      domain: r.domain,
      state: health.state,
      evidenceDate: iso(health.evidenceDate),
      checkedAt: iso(health.checkedAt),
      problems: r.visible ? health.problems : [],
    };
  });
}

type Row = { controlId: string; domain: string; publicTitle: string | null };
const rowsOf = (list: PublicControl[] | PublicControlSetInput['controls']): Row[] =>
  list.map((c) => ({ controlId: c.controlId, domain: c.domain, publicTitle: c.publicTitle }));

/** The stored list as the audit event records it, without computing any health. */
async function storedRows(ctx: ServiceContext): Promise<Row[]> {
  const rows = await ctx.db
    .selectFrom('trust_public_controls')
    .select(['control_id', 'domain', 'public_title'])
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ controlId: r.control_id, domain: r.domain, publicTitle: r.public_title }));
}

/** Replaces the public list; every control must be the organisation's own and listed once. */
export function replacePublicControls(
  ctx: ServiceContext,
  input: PublicControlSetInput,
): Promise<PublicControl[]> {
  return inTransaction(ctx, async (tx) => {
    const before = await storedRows(tx);
    const ids = input.controls.map((c) => c.controlId);
    const own = new Set(
      ids.length
        ? (
            await tx.db
              .selectFrom('controls')
              .select('id')
              .where('organization_id', '=', tx.organizationId)
              .where('id', 'in', ids)
              .execute()
          ).map((r) => r.id)
        : [],
    );
    for (const [i, c] of input.controls.entries()) {
      if (!own.has(c.controlId))
        throw new AppError('VALIDATION_FAILED', `controls[${i}].controlId: no control ${c.controlId}`);
      if (ids.indexOf(c.controlId) !== i)
        throw new AppError('VALIDATION_FAILED', `controls[${i}].controlId: listed twice`);
    }
    await tx.db
      .deleteFrom('trust_public_controls')
      .where('organization_id', '=', tx.organizationId)
      .execute();
    if (input.controls.length > 0)
      await tx.db
        .insertInto('trust_public_controls')
        .values(
          input.controls.map((c, position) => ({
            organization_id: tx.organizationId,
            control_id: c.controlId,
            domain: c.domain,
            public_title: c.publicTitle,
            position,
          })),
        )
        .execute();
    const after = await getPublicControls(tx);
    const same = JSON.stringify(before) === JSON.stringify(rowsOf(after));
    await recordAuditEvent(
      tx,
      'trust-public-controls.replaced',
      { type: 'trust-public-controls', id: null },
      { count: after.length, changes: same ? {} : { controls: { from: before, to: rowsOf(after) } } },
    );
    return after;
  });
}
