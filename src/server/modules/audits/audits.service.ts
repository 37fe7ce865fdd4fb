import type {
  AuditDetail,
  AuditListQuery,
  AuditPatch,
  AuditStatusRequest,
  AuditSummary,
  AuditType,
} from '../../../contracts/audits.js';
import type { Page } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { changesBetween } from '../../kernel/audit/changes.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { presentAuditSummary } from './audits.presenter.js';
import { auditListQuery, auditProgress, auditScope, filteredAudits, findAudit } from './audits.repository.js';
import { generateChecklist } from './checklist.service.js';
import { assertAuditor, assertDates, assertProgramme, knownFrameworks, knownServices } from './scope.js';

export interface NewAudit {
  title: string;
  type: AuditType;
  programmeId: string | null;
  plannedStart: string;
  plannedEnd: string;
  leadAuditorId: string | null;
  externalAuditor: string;
  frameworkIds: string[];
  serviceIds: string[];
}

export function listAudits(ctx: ServiceContext, query: AuditListQuery): Promise<Page<AuditSummary>> {
  return paged(
    filteredAudits(ctx, query),
    (q) => q.orderBy('a.planned_start', 'desc').orderBy('a.id'),
    query,
    presentAuditSummary,
  );
}

export async function getAudit(ctx: ServiceContext, id: string): Promise<AuditDetail> {
  const row = await auditListQuery(ctx).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Audit ${id}`);
  const [[frameworks, services], progress] = await Promise.all([auditScope(ctx, id), auditProgress(ctx, id)]);
  return {
    ...presentAuditSummary(row),
    conclusion: row.conclusion,
    startedAt: row.started_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    frameworks,
    services,
    progress,
  };
}

/** Plans an audit and generates its checklist from the scoped frameworks' requirements. */
export async function createAudit(ctx: ServiceContext, input: NewAudit): Promise<AuditDetail> {
  return inTransaction(ctx, async (tx) => {
    assertDates(input.plannedStart, input.plannedEnd);
    await assertAuditor(tx, input.leadAuditorId, input.externalAuditor);
    await assertProgramme(tx, input.programmeId);
    const frameworks = await knownFrameworks(tx, input.frameworkIds);
    const services = await knownServices(tx, input.serviceIds);
    const row = await tx.db
      .insertInto('audits')
      .values({
        organization_id: tx.organizationId,
        programme_id: input.programmeId,
        title: input.title,
        type: input.type,
        planned_start: input.plannedStart,
        planned_end: input.plannedEnd,
        lead_auditor_id: input.leadAuditorId,
        external_auditor: input.externalAuditor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scope = { organization_id: tx.organizationId, audit_id: row.id };
    if (frameworks.length > 0)
      await tx.db
        .insertInto('audit_frameworks')
        .values(frameworks.map((f) => ({ ...scope, framework_id: f.id })))
        .execute();
    if (services.length > 0)
      await tx.db
        .insertInto('audit_services')
        .values(services.map((s) => ({ ...scope, service_id: s.id })))
        .execute();
    const items = await generateChecklist(tx, row.id);
    await recordAuditEvent(
      tx,
      'audit.created',
      { type: 'audit', id: row.id },
      {
        title: input.title,
        type: input.type,
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        frameworks: frameworks.map((f) => f.name),
        services: services.map((s) => s.name),
        checklistItems: items,
      },
    );
    return getAudit(tx, row.id);
  });
}

export async function updateAudit(ctx: ServiceContext, id: string, patch: AuditPatch): Promise<AuditDetail> {
  return inTransaction(ctx, async (tx) => {
    const before = await findAudit(tx, id);
    if (before.status === 'completed')
      throw conflict(`The audit "${before.title}" is completed; it can no longer change`);
    assertDates(patch.plannedStart ?? before.planned_start, patch.plannedEnd ?? before.planned_end);
    if (patch.leadAuditorId !== undefined || patch.externalAuditor !== undefined) {
      await assertAuditor(
        tx,
        patch.leadAuditorId === undefined ? before.lead_auditor_id : patch.leadAuditorId,
        patch.externalAuditor ?? before.external_auditor,
      );
    }
    if (patch.programmeId !== undefined) await assertProgramme(tx, patch.programmeId);
    const columns = {
      title: patch.title,
      type: patch.type,
      programme_id: patch.programmeId,
      planned_start: patch.plannedStart,
      planned_end: patch.plannedEnd,
      lead_auditor_id: patch.leadAuditorId,
      external_auditor: patch.externalAuditor,
    };
    const changes = changesBetween(before, columns);
    if (Object.keys(changes).length === 0) return getAudit(tx, id);
    await tx.db
      .updateTable('audits')
      .set({ ...columns, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'audit.updated',
      { type: 'audit', id },
      { title: patch.title ?? before.title, changes },
    );
    return getAudit(tx, id);
  });
}

/** Starts a planned audit, or completes one in progress with its conclusion. */
export async function changeAuditStatus(
  ctx: ServiceContext,
  id: string,
  request: AuditStatusRequest,
): Promise<AuditDetail> {
  return inTransaction(ctx, async (tx) => {
    const audit = await findAudit(tx, id);
    const now = new Date();
    if (request.status === 'in-progress') {
      if (audit.status !== 'planned')
        throw conflict(`The audit "${audit.title}" is ${audit.status}; only a planned audit can start`);
      await tx.db
        .updateTable('audits')
        .set({ status: 'in-progress', started_at: now, updated_at: now })
        .where('id', '=', id)
        .execute();
      await recordAuditEvent(tx, 'audit.started', { type: 'audit', id }, { title: audit.title });
      return getAudit(tx, id);
    }
    if (audit.status !== 'in-progress') {
      throw conflict(
        `The audit "${audit.title}" is ${audit.status}; only an audit in progress can be completed`,
      );
    }
    const conclusion = request.conclusion?.trim() ?? '';
    if (!conclusion) {
      throw new AppError('VALIDATION_FAILED', 'Completing an audit needs a conclusion', [
        { path: 'conclusion', message: 'Write the audit conclusion' },
      ]);
    }
    await tx.db
      .updateTable('audits')
      .set({ status: 'completed', conclusion, completed_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(tx, 'audit.completed', { type: 'audit', id }, { title: audit.title, conclusion });
    return getAudit(tx, id);
  });
}
