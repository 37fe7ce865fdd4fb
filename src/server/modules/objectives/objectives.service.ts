import type { z } from 'zod';
import type {
  kpiInputSchema,
  Measurement,
  measurementInputSchema,
  Objective,
  ObjectiveListQuery,
  objectiveInputSchema,
} from '../../../contracts/objectives.js';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { assertActiveUser } from '../assets/index.js';
import { assertKpi, assertNotFuture } from './kpi-rules.js';
import { assertMayMeasure } from './objectives.policy.js';
import { presentMeasurement, presentObjective } from './objectives.presenter.js';
import { findKpi, findObjective, kpisOf, measurementQuery, objectiveQuery } from './objectives.repository.js';

type ObjectiveInput = z.output<typeof objectiveInputSchema>;
type KpiInput = z.output<typeof kpiInputSchema>;
type MeasurementInput = z.output<typeof measurementInputSchema>;

export async function listObjectives(
  ctx: ServiceContext,
  query: ObjectiveListQuery,
): Promise<Page<Objective>> {
  let q = objectiveQuery(ctx);
  if (query.area) q = q.where('o.area', '=', query.area);
  const page = await paged(
    q,
    (x) => x.orderBy('o.due_date').orderBy('o.id'),
    query,
    (r) => r,
  );
  const kpis = await kpisOf(
    ctx,
    page.items.map((o) => o.id),
  );
  return { ...page, items: page.items.map((o) => presentObjective(o, kpis)) };
}

export async function getObjective(ctx: ServiceContext, id: string): Promise<Objective> {
  const row = await objectiveQuery(ctx).where('o.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Objective ${id}`);
  return presentObjective(row, await kpisOf(ctx, [id]));
}

async function insertKpi(tx: ServiceContext, objectiveId: string, kpi: KpiInput): Promise<void> {
  const { count } = await tx.db
    .selectFrom('objective_kpis')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('objective_id', '=', objectiveId)
    .executeTakeFirstOrThrow();
  await tx.db
    .insertInto('objective_kpis')
    .values({
      position: Number(count),
      organization_id: tx.organizationId,
      objective_id: objectiveId,
      name: kpi.name,
      unit: kpi.unit,
      direction: kpi.direction,
      target: kpi.target,
      threshold: kpi.threshold,
    })
    .execute();
}

export async function createObjective(ctx: ServiceContext, input: ObjectiveInput): Promise<Objective> {
  input.kpis.forEach((k, i) => {
    assertKpi(k, `kpis.${i}`);
  });
  return inTransaction(ctx, async (tx) => {
    await assertActiveUser(tx, 'ownerId', input.ownerId);
    const row = await tx.db
      .insertInto('objectives')
      .values({
        organization_id: tx.organizationId,
        title: input.title,
        description: input.description,
        owner_id: input.ownerId,
        area: input.area,
        due_date: input.dueDate,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const kpi of input.kpis) await insertKpi(tx, row.id, kpi);
    await recordAuditEvent(
      tx,
      'objective.created',
      { type: 'objective', id: row.id },
      {
        title: input.title,
        area: input.area,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        kpis: input.kpis.map((k) => k.name),
      },
    );
    return getObjective(tx, row.id);
  });
}

export async function addKpi(ctx: ServiceContext, objectiveId: string, kpi: KpiInput): Promise<Objective> {
  assertKpi(kpi, 'kpi');
  return inTransaction(ctx, async (tx) => {
    const objective = await findObjective(tx, objectiveId);
    if (!objective) throw notFound(`Objective ${objectiveId}`);
    await insertKpi(tx, objectiveId, kpi);
    await recordAuditEvent(
      tx,
      'objective.kpi-added',
      { type: 'objective', id: objectiveId },
      { title: objective.title, kpi: kpi.name, target: kpi.target },
    );
    return getObjective(tx, objectiveId);
  });
}

export async function recordMeasurement(
  ctx: ServiceContext,
  kpiId: string,
  input: MeasurementInput,
): Promise<Objective> {
  assertNotFuture(input.measuredAt);
  return inTransaction(ctx, async (tx) => {
    const kpi = await findKpi(tx, kpiId);
    if (!kpi) throw notFound(`KPI ${kpiId}`);
    assertMayMeasure(tx.actor, kpi);
    await tx.db
      .insertInto('kpi_measurements')
      .values({
        organization_id: tx.organizationId,
        kpi_id: kpiId,
        value: input.value,
        measured_at: input.measuredAt,
        note: input.note,
        recorded_by: tx.actor.userId,
      })
      .execute();
    await recordAuditEvent(
      tx,
      'objective.measured',
      { type: 'objective', id: kpi.objective_id },
      { title: kpi.title, kpi: kpi.name, value: input.value, measuredAt: input.measuredAt },
    );
    return getObjective(tx, kpi.objective_id);
  });
}

export async function listMeasurements(
  ctx: ServiceContext,
  kpiId: string,
  query: PageQuery,
): Promise<Page<Measurement>> {
  if (!(await findKpi(ctx, kpiId))) throw notFound(`KPI ${kpiId}`);
  return paged(
    measurementQuery(ctx, kpiId),
    (q) => q.orderBy('m.measured_at', 'desc').orderBy('m.created_at', 'desc').orderBy('m.id', 'desc'),
    query,
    presentMeasurement,
  );
}
