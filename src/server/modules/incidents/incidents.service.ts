import type { z } from 'zod';
import type {
  IncidentDetail,
  IncidentListQuery,
  IncidentStatus,
  IncidentSummary,
  incidentInputSchema,
  incidentPatchSchema,
  timelineInputSchema,
  transitionInputSchema,
} from '../../../contracts/incidents.js';
import { incidentStatuses } from '../../../contracts/incidents.js';
import type { Page } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, conflict } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { assertMayAddToTimeline } from './incidents.policy.js';
import { presentIncidentSummary, presentReport } from './incidents.presenter.js';
import {
  appendTimeline,
  assertIdsExist,
  filteredIncidents,
  findIncident,
  lockIncident,
  nextIncidentRef,
  reportsOf,
  timelineOf,
} from './incidents.repository.js';

type IncidentInput = z.output<typeof incidentInputSchema>;
type IncidentPatch = z.output<typeof incidentPatchSchema>;

export function listIncidents(ctx: ServiceContext, query: IncidentListQuery): Promise<Page<IncidentSummary>> {
  return paged(
    filteredIncidents(ctx, query),
    (q) => q.orderBy('i.aware_at', 'desc').orderBy('i.ref', 'desc'),
    query,
    presentIncidentSummary,
  );
}

export async function getIncident(ctx: ServiceContext, id: string): Promise<IncidentDetail> {
  const row = await findIncident(ctx, id);
  const [timeline, reports] = await Promise.all([timelineOf(ctx, id), reportsOf(ctx, id)]);
  return {
    ...presentIncidentSummary(row),
    description: row.description,
    occurredAt: row.occurred_at?.toISOString() ?? null,
    serviceIds: row.service_ids,
    locationIds: row.location_ids,
    customersAffected: row.customers_affected,
    allCustomersAffected: row.all_customers_affected,
    triage: row.triage,
    lessonsLearned: row.lessons_learned,
    riskIds: row.risk_ids,
    controlIds: row.control_ids,
    nonconformityId: row.nonconformity_id,
    publicTitle: row.public_title,
    publicSummary: row.public_summary,
    publicStatus: row.public_status,
    timeline: timeline.map((t) => ({
      id: t.id,
      kind: t.kind,
      happenedAt: t.happened_at.toISOString(),
      author: t.author,
      text: t.public_status ? `[${t.public_status}] ${t.text}` : t.text,
    })),
    reports: reports.map((r) => presentReport(r)),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

function assertTimes(awareAt: Date, occurredAt: Date | null) {
  if (awareAt.getTime() > Date.now() + 5 * 60_000)
    throw new AppError('VALIDATION_FAILED', 'awareAt lies in the future', [
      { path: 'awareAt', message: 'The moment of awareness cannot be in the future' },
    ]);
  if (occurredAt && occurredAt > awareAt)
    throw new AppError('VALIDATION_FAILED', 'occurredAt is after awareAt', [
      { path: 'occurredAt', message: 'An incident cannot occur after the organisation became aware of it' },
    ]);
}

/** Any staff member reports; the reporter is the acting user and awareAt is what they said, never "now". */
export async function reportIncident(ctx: ServiceContext, input: IncidentInput): Promise<IncidentDetail> {
  const awareAt = new Date(input.awareAt);
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : null;
  assertTimes(awareAt, occurredAt);
  return inTransaction(ctx, async (tx) => {
    await assertIdsExist(tx, 'serviceIds', input.serviceIds);
    await assertIdsExist(tx, 'locationIds', input.locationIds);
    const ref = await nextIncidentRef(tx);
    const row = await tx.db
      .insertInto('incidents')
      .values({
        organization_id: tx.organizationId,
        ref,
        title: input.title,
        description: input.description,
        category: input.category,
        severity: input.severity,
        aware_at: awareAt,
        occurred_at: occurredAt,
        reported_by: tx.actor.userId,
        service_ids: [...new Set(input.serviceIds)],
        location_ids: [...new Set(input.locationIds)],
        customers_affected: input.customersAffected ?? null,
        all_customers_affected: input.allCustomersAffected,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendTimeline(tx, row.id, { kind: 'status', text: 'Reported', happenedAt: awareAt });
    await recordAuditEvent(
      tx,
      'incident.reported',
      { type: 'incident', id: row.id },
      {
        ref,
        title: input.title,
        category: input.category,
        severity: input.severity,
        awareAt: awareAt.toISOString(),
      },
    );
    return getIncident(tx, row.id);
  });
}

export async function updateIncident(
  ctx: ServiceContext,
  id: string,
  patch: IncidentPatch,
): Promise<IncidentDetail> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockIncident(tx, id);
    if (patch.awareAt !== undefined && before.triaged_at !== null)
      throw conflict('awareAt starts the reporting clocks of a triaged incident; it can no longer change');
    const awareAt = patch.awareAt ? new Date(patch.awareAt) : before.aware_at;
    assertTimes(awareAt, before.occurred_at);
    for (const field of ['serviceIds', 'locationIds', 'riskIds', 'controlIds'] as const)
      await assertIdsExist(tx, field, patch[field]);
    const next = {
      title: patch.title ?? before.title,
      description: patch.description ?? before.description,
      severity: patch.severity ?? before.severity,
      category: patch.category ?? before.category,
      aware_at: awareAt,
      service_ids: patch.serviceIds ? [...new Set(patch.serviceIds)] : before.service_ids,
      location_ids: patch.locationIds ? [...new Set(patch.locationIds)] : before.location_ids,
      customers_affected:
        patch.customersAffected === undefined ? before.customers_affected : patch.customersAffected,
      all_customers_affected: patch.allCustomersAffected ?? before.all_customers_affected,
      lessons_learned: patch.lessonsLearned ?? before.lessons_learned,
      risk_ids: patch.riskIds ? [...new Set(patch.riskIds)] : before.risk_ids,
      control_ids: patch.controlIds ? [...new Set(patch.controlIds)] : before.control_ids,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, to] of Object.entries(next)) {
      const from = before[key as keyof typeof next];
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
    }
    if (Object.keys(changes).length === 0) return getIncident(tx, id);
    await tx.db
      .updateTable('incidents')
      .set({ ...next, updated_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(tx, 'incident.updated', { type: 'incident', id }, { ref: before.ref, changes });
    return getIncident(tx, id);
  });
}

/**
 * The lifecycle moves one step forward at a time. Triage is its own use case (it decides the reports), and
 * closing takes the post-incident review's lessons learned.
 */
export function assertTransition(
  from: IncidentStatus,
  to: IncidentStatus,
  incident: { triaged_at: Date | null; lessons_learned: string },
): void {
  const step = incidentStatuses.indexOf(to) - incidentStatuses.indexOf(from);
  if (step !== 1) throw conflict(`An incident moves from ${from} to the next status, not to ${to}`);
  if (to === 'triaged') throw conflict('Triage the incident with the triage questionnaire');
  if (incident.triaged_at === null) throw conflict('Triage the incident first');
  if (to === 'closed' && incident.lessons_learned.trim() === '')
    throw conflict('Record the post-incident review (lessons learned) before closing');
}

export async function setIncidentStatus(
  tx: ServiceContext,
  incident: { id: string; ref: string; status: IncidentStatus },
  to: IncidentStatus,
  note: string,
): Promise<void> {
  const now = new Date();
  await tx.db
    .updateTable('incidents')
    .set({ status: to, updated_at: now, closed_at: to === 'closed' ? now : null })
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', incident.id)
    .execute();
  await appendTimeline(tx, incident.id, {
    kind: 'status',
    text: note ? `${incident.status} → ${to}: ${note}` : `${incident.status} → ${to}`,
  });
  await recordAuditEvent(
    tx,
    'incident.status-changed',
    { type: 'incident', id: incident.id },
    { ref: incident.ref, from: incident.status, to },
  );
}

export async function transitionIncident(
  ctx: ServiceContext,
  id: string,
  input: z.output<typeof transitionInputSchema>,
): Promise<IncidentDetail> {
  return inTransaction(ctx, async (tx) => {
    const incident = await lockIncident(tx, id);
    assertTransition(incident.status, input.to, incident);
    await setIncidentStatus(tx, incident, input.to, input.note);
    return getIncident(tx, id);
  });
}

export async function addTimelineEntry(
  ctx: ServiceContext,
  id: string,
  input: z.output<typeof timelineInputSchema>,
): Promise<IncidentDetail> {
  return inTransaction(ctx, async (tx) => {
    await findIncident(tx, id);
    const incident = await lockIncident(tx, id);
    assertMayAddToTimeline(tx.actor, incident);
    const happenedAt = input.happenedAt ? new Date(input.happenedAt) : new Date();
    await appendTimeline(tx, id, { kind: input.kind, text: input.text, happenedAt });
    await recordAuditEvent(
      tx,
      'incident.timeline-added',
      { type: 'incident', id },
      { ref: incident.ref, kind: input.kind },
    );
    return getIncident(tx, id);
  });
}
