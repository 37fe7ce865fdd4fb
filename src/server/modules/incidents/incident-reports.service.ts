import type { z } from 'zod';
import type {
  DueReport,
  IncidentDetail,
  IncidentReport,
  reportPatchSchema,
  reportSubmitSchema,
  TriageInput,
} from '../../../contracts/incidents.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.js';
import { closeTasksForSource, openTaskForSource } from '../tasks/index.js';
import { formatInZone } from './incident-clock.js';
import { dueReports, reportCatalogue, triageProblems } from './incident-obligations.js';
import { type DraftSource, draftReport, reportFields } from './incident-report-drafts.js';
import { getIncidentSettings } from './incident-settings.service.js';
import { presentReport } from './incidents.presenter.js';
import { appendTimeline, findIncident, lockIncident, reportsOf } from './incidents.repository.js';
import { getIncident, setIncidentStatus } from './incidents.service.js';

const TASK_SOURCE = 'incident-report';

async function draftSource(
  tx: ServiceContext,
  incident: Awaited<ReturnType<typeof lockIncident>>,
  triage: TriageInput,
): Promise<DraftSource> {
  const names = async (table: 'services' | 'locations', ids: string[], column: 'name' | 'code') =>
    ids.length === 0
      ? []
      : (
          await tx.db
            .selectFrom(table)
            .select(column)
            .where('organization_id', '=', tx.organizationId)
            .where('id', 'in', ids)
            .orderBy(column)
            .execute()
        ).map((r) => String(r[column as keyof typeof r]));
  return {
    ref: incident.ref,
    title: incident.title,
    description: incident.description,
    category: incident.category,
    severity: incident.severity,
    awareAt: incident.aware_at.toISOString(),
    services: await names('services', incident.service_ids, 'name'),
    locations: await names('locations', incident.location_ids, 'code'),
    customersAffected: incident.customers_affected,
    allCustomersAffected: incident.all_customers_affected,
    triage,
    lessonsLearned: incident.lessons_learned,
  };
}

async function openReport(
  tx: ServiceContext,
  incident: { id: string; ref: string },
  due: DueReport,
  content: Record<string, string>,
  timeZone: string,
): Promise<void> {
  const row = await tx.db
    .insertInto('incident_reports')
    .values({
      organization_id: tx.organizationId,
      incident_id: incident.id,
      type: due.type,
      authority: due.authority,
      due_at: due.dueAt ? new Date(due.dueAt) : null,
      content: JSON.stringify(content),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await openTaskForSource(tx, {
    sourceType: TASK_SOURCE,
    sourceId: row.id,
    title: `${due.label} for ${incident.ref}`,
    description: `${due.rule}. To: ${due.authority}. Due: ${
      due.dueAt ? formatInZone(new Date(due.dueAt), timeZone) : 'without undue delay'
    }.`,
    assigneeId: tx.actor.userId,
    dueAt: due.dueAt ? new Date(due.dueAt) : null,
  });
  await recordAuditEvent(
    tx,
    'incident-report.opened',
    { type: 'incident-report', id: row.id },
    { incident: incident.ref, type: due.type, version: 1, dueAt: due.dueAt },
  );
}

/**
 * Records the triage answers and derives the reports that are due: each becomes a draft report and a task
 * with its deadline. A re-triage opens reports that became due and withdraws drafts that no longer are;
 * submitted reports stay as they are.
 */
export async function triageIncident(
  ctx: ServiceContext,
  id: string,
  triage: TriageInput,
): Promise<IncidentDetail> {
  const problems = triageProblems(triage);
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), problems);
  return inTransaction(ctx, async (tx) => {
    const incident = await lockIncident(tx, id);
    if (incident.status === 'closed') throw conflict('A closed incident is not triaged again');
    const settings = await getIncidentSettings(tx);
    const existing = await reportsOf(tx, id);
    const notification = existing.find((r) => r.type === 'nis2-notification' && r.status === 'submitted');
    const due = dueReports(triage, incident.aware_at, settings, notification?.submitted_at ?? null);
    const source = await draftSource(tx, incident, triage);
    for (const report of due) {
      if (existing.some((r) => r.type === report.type && r.status !== 'withdrawn')) continue;
      await openReport(tx, incident, report, draftReport(report.type, source), settings.timeZone);
    }
    for (const stale of existing.filter((r) => r.status === 'draft' && !due.some((d) => d.type === r.type))) {
      await tx.db
        .updateTable('incident_reports')
        .set({ status: 'withdrawn', updated_at: new Date() })
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', stale.id)
        .execute();
      await closeTasksForSource(
        tx,
        { type: TASK_SOURCE, id: stale.id },
        'cancelled',
        'No longer due after re-triage',
      );
      await recordAuditEvent(
        tx,
        'incident-report.withdrawn',
        { type: 'incident-report', id: stale.id },
        { incident: incident.ref, type: stale.type, version: stale.version },
      );
    }
    const significant = due.some((d) => d.type.startsWith('nis2'));
    await tx.db
      .updateTable('incidents')
      .set({ triage: JSON.stringify(triage), significant, triaged_at: new Date(), updated_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await appendTimeline(tx, id, {
      kind: 'triage',
      text: `${significant ? 'Significant under NIS2' : 'Not significant under NIS2'}; personal-data breach: ${
        triage.personalDataBreach ? `yes, risk ${triage.riskToPeople}` : 'no'
      }. Due: ${due.map((d) => d.label).join(', ') || 'no reports'}.${triage.reasoning ? ` ${triage.reasoning}` : ''}`,
    });
    await recordAuditEvent(
      tx,
      'incident.triaged',
      { type: 'incident', id },
      {
        ref: incident.ref,
        significant,
        personalDataBreach: triage.personalDataBreach,
        riskToPeople: triage.riskToPeople,
        dueReports: due.map((d) => d.type),
      },
    );
    if (incident.status === 'reported') await setIncidentStatus(tx, incident, 'triaged', '');
    return getIncident(tx, id);
  });
}

async function lockReport(tx: ServiceContext, incidentId: string, reportId: string) {
  const incident = await lockIncident(tx, incidentId);
  const report = await tx.db
    .selectFrom('incident_reports')
    .selectAll()
    .where('organization_id', '=', tx.organizationId)
    .where('incident_id', '=', incidentId)
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst();
  if (!report) throw notFound(`Report ${reportId}`);
  return { incident, report };
}

async function presented(tx: ServiceContext, incidentId: string, reportId: string): Promise<IncidentReport> {
  const row = (await reportsOf(tx, incidentId)).find((r) => r.id === reportId);
  if (!row) throw notFound(`Report ${reportId}`);
  return presentReport(row);
}

export async function updateReport(
  ctx: ServiceContext,
  incidentId: string,
  reportId: string,
  patch: z.output<typeof reportPatchSchema>,
): Promise<IncidentReport> {
  return inTransaction(ctx, async (tx) => {
    const { incident, report } = await lockReport(tx, incidentId, reportId);
    if (report.status !== 'draft')
      throw conflict(`A ${report.status} report cannot change; correct it with a new version`);
    const allowed = new Set(reportFields[report.type].map(([key]) => key));
    const unknown = Object.keys(patch.content ?? {}).filter((k) => !allowed.has(k));
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', `This report has no field ${unknown.join(', ')}`, [
        { path: 'content', message: `Fields of this report: ${[...allowed].join(', ')}` },
      ]);
    await tx.db
      .updateTable('incident_reports')
      .set({
        authority: patch.authority ?? report.authority,
        content: JSON.stringify({ ...report.content, ...patch.content }),
        updated_at: new Date(),
      })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', reportId)
      .execute();
    await recordAuditEvent(
      tx,
      'incident-report.updated',
      { type: 'incident-report', id: reportId },
      { incident: incident.ref, type: report.type, version: report.version },
    );
    return presented(tx, incidentId, reportId);
  });
}

/** Marks a draft submitted with who, when and the authority's reference; from then on it is frozen. */
export async function submitReport(
  ctx: ServiceContext,
  incidentId: string,
  reportId: string,
  input: z.output<typeof reportSubmitSchema>,
): Promise<IncidentReport> {
  return inTransaction(ctx, async (tx) => {
    const { incident, report } = await lockReport(tx, incidentId, reportId);
    if (report.status !== 'draft') throw conflict(`This report is ${report.status} already`);
    const submittedAt = input.submittedAt ? new Date(input.submittedAt) : new Date();
    if (submittedAt.getTime() > Date.now() + 5 * 60_000)
      throw new AppError('VALIDATION_FAILED', 'submittedAt lies in the future', [
        { path: 'submittedAt', message: 'A report cannot be submitted in the future' },
      ]);
    await tx.db
      .updateTable('incident_reports')
      .set({
        status: 'submitted',
        submitted_at: submittedAt,
        submitted_by: tx.actor.userId ?? null,
        submission_reference: input.reference,
        updated_at: new Date(),
      })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', reportId)
      .execute();
    await closeTasksForSource(
      tx,
      { type: TASK_SOURCE, id: reportId },
      'done',
      `Submitted, reference ${input.reference}`,
    );
    const label = reportCatalogue[report.type].label;
    await appendTimeline(tx, incidentId, {
      kind: 'report',
      text: `${label} v${report.version} submitted to ${report.authority}, reference ${input.reference}`,
      happenedAt: submittedAt,
    });
    await recordAuditEvent(
      tx,
      'incident-report.submitted',
      { type: 'incident-report', id: reportId },
      {
        incident: incident.ref,
        type: report.type,
        version: report.version,
        reference: input.reference,
        submittedAt: submittedAt.toISOString(),
      },
    );
    if (report.type === 'nis2-notification') await moveFinalDeadline(tx, incident, submittedAt);
    return presented(tx, incidentId, reportId);
  });
}

/** The final report is due one month after the notification was actually submitted. */
async function moveFinalDeadline(
  tx: ServiceContext,
  incident: { id: string; ref: string; aware_at: Date },
  submittedAt: Date,
) {
  const settings = await getIncidentSettings(tx);
  const finals = (await reportsOf(tx, incident.id)).filter(
    (r) => r.type === 'nis2-final' && r.status === 'draft',
  );
  const triage = (await findIncident(tx, incident.id)).triage;
  if (!triage) return;
  const due = dueReports(triage, incident.aware_at, settings, submittedAt).find(
    (d) => d.type === 'nis2-final',
  );
  for (const final of finals) {
    if (!due?.dueAt) continue;
    await tx.db
      .updateTable('incident_reports')
      .set({ due_at: new Date(due.dueAt), updated_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', final.id)
      .execute();
    await closeTasksForSource(
      tx,
      { type: TASK_SOURCE, id: final.id },
      'cancelled',
      'Deadline moved by the notification',
    );
    await openTaskForSource(tx, {
      sourceType: TASK_SOURCE,
      sourceId: final.id,
      title: `${due.label} for ${incident.ref}`,
      description: `${due.rule}. To: ${final.authority}. Due: ${formatInZone(new Date(due.dueAt), settings.timeZone)}.`,
      assigneeId: tx.actor.userId,
      dueAt: new Date(due.dueAt),
    });
  }
}

/** A correction of a submitted report: the next version, drafted from the submitted one. */
export async function correctReport(
  ctx: ServiceContext,
  incidentId: string,
  reportId: string,
): Promise<IncidentReport> {
  return inTransaction(ctx, async (tx) => {
    const { incident, report } = await lockReport(tx, incidentId, reportId);
    if (report.status !== 'submitted')
      throw conflict('Only a submitted report is corrected; edit the draft instead');
    const latest = (await reportsOf(tx, incidentId)).filter((r) => r.type === report.type);
    if (latest.some((r) => r.status === 'draft'))
      throw conflict('A correction of this report is already in draft');
    const version = Math.max(...latest.map((r) => r.version)) + 1;
    const row = await tx.db
      .insertInto('incident_reports')
      .values({
        organization_id: tx.organizationId,
        incident_id: incidentId,
        type: report.type,
        version,
        authority: report.authority,
        due_at: null,
        content: JSON.stringify(report.content),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(
      tx,
      'incident-report.opened',
      { type: 'incident-report', id: row.id },
      { incident: incident.ref, type: report.type, version, dueAt: null },
    );
    return presented(tx, incidentId, row.id);
  });
}
