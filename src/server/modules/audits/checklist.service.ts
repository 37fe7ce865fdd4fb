import { sql } from 'kysely';
import type {
  ChecklistItem,
  ChecklistQuery,
  ChecklistResult,
  ChecklistResultData,
} from '../../../contracts/audits.js';
import type { Page } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { type AuditRow, findAudit } from './audits.repository.js';

/**
 * One item per requirement of the scoped frameworks that is applicable or not yet decided: an undecided
 * requirement is still audited, only a requirement decided not applicable is left out.
 */
export async function generateChecklist(ctx: ServiceContext, auditId: string): Promise<number> {
  const result = await sql`
    INSERT INTO audit_checklist_items
      (organization_id, audit_id, requirement_id, framework_name, requirement_ref, requirement_title, position)
    SELECT ${ctx.organizationId}, ${auditId}, r.id, f.name, r.ref, r.title,
      row_number() OVER (ORDER BY f.name, f.id, r.position)
    FROM audit_frameworks af
    JOIN frameworks f ON f.id = af.framework_id
    JOIN requirements r ON r.framework_id = f.id AND r.kind = 'requirement'
    LEFT JOIN applicability ap ON ap.requirement_id = r.id
    WHERE af.audit_id = ${auditId} AND af.organization_id = ${ctx.organizationId}
      AND r.organization_id = ${ctx.organizationId}
      AND (ap.applicable IS NULL OR ap.applicable)`.execute(ctx.db);
  return Number(result.numAffectedRows ?? 0);
}

function checklistQuery(ctx: ServiceContext, auditId: string, f: ChecklistQuery) {
  let q = ctx.db
    .selectFrom('audit_checklist_items as i')
    .leftJoin('users as u', 'u.id', 'i.checked_by')
    .selectAll('i')
    .select('u.name as checked_by_name')
    .where('i.organization_id', '=', ctx.organizationId)
    .where('i.audit_id', '=', auditId);
  if (f.result) q = q.where('i.result', '=', f.result);
  if (f.q) {
    const pattern = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([eb('i.requirement_ref', 'ilike', pattern), eb('i.requirement_title', 'ilike', pattern)]),
    );
  }
  return q;
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof checklistQuery>['executeTakeFirstOrThrow']>>;

/** The controls mapped to each requirement that apply within the audit's scope (baseline + scoped services). */
async function controlsFor(ctx: ServiceContext, auditId: string, requirementIds: string[]) {
  if (requirementIds.length === 0) return new Map<string, ChecklistItem['controls']>();
  const rows = await ctx.db
    .selectFrom('control_requirements as cr')
    .innerJoin('controls as c', 'c.id', 'cr.control_id')
    .select(['cr.requirement_id', 'c.id', 'c.ref', 'c.title'])
    .where('cr.organization_id', '=', ctx.organizationId)
    .where('cr.requirement_id', 'in', requirementIds)
    .where((eb) =>
      eb.or([
        eb('c.service_id', 'is', null),
        eb.not(
          eb.exists(eb.selectFrom('audit_services').select('service_id').where('audit_id', '=', auditId)),
        ),
        eb(
          'c.service_id',
          'in',
          eb.selectFrom('audit_services').select('service_id').where('audit_id', '=', auditId),
        ),
      ]),
    )
    .orderBy('c.ref')
    .execute();
  const map = new Map<string, ChecklistItem['controls']>();
  for (const r of rows)
    map.set(r.requirement_id, [
      ...(map.get(r.requirement_id) ?? []),
      { id: r.id, ref: r.ref, title: r.title },
    ]);
  return map;
}

const presentItem = (r: ItemRow, controls: ChecklistItem['controls']): ChecklistItem => ({
  id: r.id,
  requirementId: r.requirement_id,
  frameworkName: r.framework_name,
  requirementRef: r.requirement_ref,
  requirementTitle: r.requirement_title,
  result: r.result as ChecklistResult,
  notes: r.notes,
  checkedByName: r.checked_by_name,
  checkedAt: r.checked_at?.toISOString() ?? null,
  controls,
});

export async function listChecklist(
  ctx: ServiceContext,
  auditId: string,
  query: ChecklistQuery,
): Promise<Page<ChecklistItem>> {
  await findAudit(ctx, auditId);
  const page = await paged(
    checklistQuery(ctx, auditId, query),
    (q) => q.orderBy('i.position'),
    query,
    (r) => r,
  );
  const controls = await controlsFor(
    ctx,
    auditId,
    page.items.flatMap((r) => (r.requirement_id ? [r.requirement_id] : [])),
  );
  return {
    ...page,
    items: page.items.map((r) => presentItem(r, (r.requirement_id && controls.get(r.requirement_id)) || [])),
  };
}

export function assertInProgress(audit: AuditRow, what: string): void {
  if (audit.status === 'planned') throw conflict(`Start the audit "${audit.title}" before ${what}`);
  if (audit.status === 'completed')
    throw conflict(`The audit "${audit.title}" is completed; ${what} is no longer possible`);
}

export async function findChecklistItem(ctx: ServiceContext, auditId: string, itemId: string) {
  const row = await checklistQuery(ctx, auditId, { page: 1, pageSize: 1 })
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!row) throw notFound(`Checklist item ${itemId} of this audit`);
  return row;
}

export async function recordChecklistResult(
  ctx: ServiceContext,
  auditId: string,
  itemId: string,
  request: ChecklistResultData,
): Promise<ChecklistItem> {
  return inTransaction(ctx, async (tx) => {
    const audit = await findAudit(tx, auditId);
    assertInProgress(audit, 'recording checklist results');
    const item = await findChecklistItem(tx, auditId, itemId);
    await tx.db
      .updateTable('audit_checklist_items')
      .set({
        result: request.result,
        notes: request.notes,
        checked_by: tx.actor.userId,
        checked_at: new Date(),
      })
      .where('id', '=', itemId)
      .execute();
    await recordAuditEvent(
      tx,
      'audit.checklist-recorded',
      { type: 'audit', id: auditId },
      {
        title: audit.title,
        requirement: `${item.framework_name} ${item.requirement_ref}`,
        result: request.result,
        previous: item.result,
      },
    );
    const updated = await findChecklistItem(tx, auditId, itemId);
    const controls = await controlsFor(tx, auditId, updated.requirement_id ? [updated.requirement_id] : []);
    return presentItem(updated, (updated.requirement_id && controls.get(updated.requirement_id)) || []);
  });
}
