import {
  type Kpi,
  kpiStatusOf,
  type Measurement,
  type Objective,
  type ObjectiveArea,
} from '../../../contracts/objectives.js';
import type { KpiRow } from './objectives.repository.js';

export interface ObjectiveRow {
  id: string;
  title: string;
  description: string;
  owner_id: string;
  owner_name: string;
  area: ObjectiveArea;
  due_date: string;
}

export function presentKpi(k: KpiRow): Kpi {
  const direction = k.direction;
  return {
    id: k.id,
    name: k.name,
    unit: k.unit,
    direction,
    target: k.target,
    threshold: k.threshold,
    latest:
      k.latest_value === null || k.latest_at === null
        ? null
        : { value: k.latest_value, measuredAt: k.latest_at.toISOString() },
    status: kpiStatusOf({ direction, target: k.target, threshold: k.threshold }, k.latest_value),
  };
}

export const presentObjective = (o: ObjectiveRow, kpis: KpiRow[]): Objective => ({
  id: o.id,
  title: o.title,
  description: o.description,
  ownerId: o.owner_id,
  ownerName: o.owner_name,
  area: o.area,
  dueDate: o.due_date,
  kpis: kpis.filter((k) => k.objective_id === o.id).map(presentKpi),
});

export const presentMeasurement = (m: {
  id: string;
  value: number;
  measured_at: Date;
  note: string;
  recorded_by_name: string | null;
}): Measurement => ({
  id: m.id,
  value: Number(m.value),
  measuredAt: m.measured_at.toISOString(),
  note: m.note,
  recordedByName: m.recorded_by_name,
});
