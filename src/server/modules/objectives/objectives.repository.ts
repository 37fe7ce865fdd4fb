import type { KpiDirection } from '../../../contracts/objectives.js';
import type { ServiceContext } from '../../kernel/context.js';

export function objectiveQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('objectives as o')
    .innerJoin('users as u', 'u.id', 'o.owner_id')
    .select([
      'o.id',
      'o.title',
      'o.description',
      'o.owner_id',
      'u.name as owner_name',
      'o.area',
      'o.due_date',
    ])
    .where('o.organization_id', '=', ctx.organizationId);
}

export interface KpiRow {
  id: string;
  objective_id: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  target: number;
  threshold: number | null;
  latest_value: number | null;
  latest_at: Date | null;
}

/** The KPIs of the given objectives with their latest measurement, in one query. */
export async function kpisOf(ctx: ServiceContext, objectiveIds: string[]): Promise<KpiRow[]> {
  if (objectiveIds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('objective_kpis as k')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('kpi_measurements')
          .distinctOn('kpi_id')
          .select(['kpi_id', 'value', 'measured_at'])
          .where('organization_id', '=', ctx.organizationId)
          .orderBy('kpi_id')
          .orderBy('measured_at', 'desc')
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .as('m'),
      (join) => join.onRef('m.kpi_id', '=', 'k.id'),
    )
    .select([
      'k.id',
      'k.objective_id',
      'k.name',
      'k.unit',
      'k.direction',
      'k.target',
      'k.threshold',
      'm.value as latest_value',
      'm.measured_at as latest_at',
    ])
    .where('k.organization_id', '=', ctx.organizationId)
    .where('k.objective_id', 'in', objectiveIds)
    .orderBy('k.position')
    .orderBy('k.created_at')
    .orderBy('k.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    target: Number(r.target),
    threshold: r.threshold === null ? null : Number(r.threshold),
    latest_value: r.latest_value === null ? null : Number(r.latest_value),
  }));
}

export async function findObjective(ctx: ServiceContext, id: string) {
  return ctx.db
    .selectFrom('objectives')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findKpi(ctx: ServiceContext, id: string) {
  return ctx.db
    .selectFrom('objective_kpis as k')
    .innerJoin('objectives as o', 'o.id', 'k.objective_id')
    .select(['k.id', 'k.name', 'k.objective_id', 'o.title', 'o.owner_id'])
    .where('k.organization_id', '=', ctx.organizationId)
    .where('k.id', '=', id)
    .executeTakeFirst();
}

export function measurementQuery(ctx: ServiceContext, kpiId: string) {
  return ctx.db
    .selectFrom('kpi_measurements as m')
    .leftJoin('users as u', 'u.id', 'm.recorded_by')
    .select(['m.id', 'm.value', 'm.measured_at', 'm.note', 'u.name as recorded_by_name', 'm.created_at'])
    .where('m.organization_id', '=', ctx.organizationId)
    .where('m.kpi_id', '=', kpiId);
}
