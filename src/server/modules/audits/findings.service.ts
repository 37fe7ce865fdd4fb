import type { Finding, FindingData, FindingType } from '../../../contracts/audits.js';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { raiseNonconformity } from '../nonconformities/index.js';
import { findAudit } from './audits.repository.js';
import { assertInProgress } from './checklist.service.js';

function findingQuery(ctx: ServiceContext, auditId: string) {
  return ctx.db
    .selectFrom('audit_findings as f')
    .leftJoin('audit_checklist_items as i', 'i.id', 'f.checklist_item_id')
    .leftJoin('users as u', 'u.id', 'f.raised_by')
    .leftJoin('nonconformities as n', 'n.finding_id', 'f.id')
    .selectAll('f')
    .select(['i.requirement_ref', 'u.name as raised_by_name', 'n.id as nc_id', 'n.ref as nc_ref'])
    .where('f.organization_id', '=', ctx.organizationId)
    .where('f.audit_id', '=', auditId);
}

type FindingRow = Awaited<ReturnType<ReturnType<typeof findingQuery>['executeTakeFirstOrThrow']>>;

const present = (r: FindingRow): Finding => ({
  id: r.id,
  auditId: r.audit_id,
  type: r.type,
  description: r.description,
  checklistItemId: r.checklist_item_id,
  requirementRef: r.requirement_ref,
  raisedByName: r.raised_by_name,
  raisedAt: r.raised_at.toISOString(),
  nonconformityId: r.nc_id,
  nonconformityRef: r.nc_ref,
});

export async function listFindings(
  ctx: ServiceContext,
  auditId: string,
  query: PageQuery,
): Promise<Page<Finding>> {
  await findAudit(ctx, auditId);
  return paged(findingQuery(ctx, auditId), (q) => q.orderBy('f.raised_at').orderBy('f.id'), query, present);
}

const ncSeverity: Partial<Record<FindingType, 'major' | 'minor'>> = {
  'major-nc': 'major',
  'minor-nc': 'minor',
};

/** Raises a finding; a major or minor nonconformity also opens a nonconformity in the register. */
export async function raiseFinding(
  ctx: ServiceContext,
  auditId: string,
  input: FindingData,
): Promise<Finding> {
  return inTransaction(ctx, async (tx) => {
    const audit = await findAudit(tx, auditId);
    assertInProgress(audit, 'raising findings');
    const item = input.checklistItemId
      ? await tx.db
          .selectFrom('audit_checklist_items')
          .select(['id', 'framework_name', 'requirement_ref'])
          .where('organization_id', '=', tx.organizationId)
          .where('audit_id', '=', auditId)
          .where('id', '=', input.checklistItemId)
          .executeTakeFirst()
      : null;
    if (input.checklistItemId && !item) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Unknown checklist item ${input.checklistItemId} in this audit`,
        [{ path: 'checklistItemId', message: 'Not an item of this audit' }],
      );
    }
    const row = await tx.db
      .insertInto('audit_findings')
      .values({
        organization_id: tx.organizationId,
        audit_id: auditId,
        checklist_item_id: item?.id ?? null,
        type: input.type,
        description: input.description,
        raised_by: tx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const requirement = item ? `${item.framework_name} ${item.requirement_ref}` : null;
    await recordAuditEvent(
      tx,
      'finding.raised',
      { type: 'finding', id: row.id },
      {
        audit: audit.title,
        type: input.type,
        requirement,
      },
    );
    const severity = ncSeverity[input.type];
    if (severity) {
      await raiseNonconformity(tx, {
        source: 'audit',
        sourceRef: requirement ? `${audit.title} · ${requirement}` : audit.title,
        severity,
        description: input.description,
        findingId: row.id,
      });
    }
    const created = await findingQuery(tx, auditId).where('f.id', '=', row.id).executeTakeFirst();
    if (!created) throw notFound(`Finding ${row.id}`);
    return present(created);
  });
}
