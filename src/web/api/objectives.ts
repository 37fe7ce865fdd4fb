import { useQuery } from '@tanstack/react-query';
import type {
  KpiInput,
  Measurement,
  MeasurementInput,
  Objective,
  ObjectiveInput,
} from '../../contracts/objectives.js';
import type { Page } from '../../contracts/paging.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Draft, type Params, query } from './client.js';

/** An objective as the form sends it, with its KPIs as drafts too; the server names what is missing. */
export type ObjectiveDraft = Draft<Omit<ObjectiveInput, 'kpis'>> & { kpis?: Draft<KpiInput>[] };

export const objectiveKeys = {
  all: ['objectives'] as const,
  list: (params: Params) => ['objectives', query(params)] as const,
  measurements: (kpiId: string, params: Params) => ['kpi-measurements', kpiId, query(params)] as const,
};

export const objectivesApi = {
  list: (params: Params) => api.get<Page<Objective>>(`/api/objectives${query(params)}`),
  create: (body: ObjectiveDraft) => api.post<Objective>('/api/objectives', body),
  measurements: (kpiId: string, params: Params) =>
    api.get<Page<Measurement>>(`/api/kpis/${kpiId}/measurements${query(params)}`),
  measure: (kpiId: string, body: MeasurementInput) =>
    api.post<Objective>(`/api/kpis/${kpiId}/measurements`, body),
};

export function useObjectives(params: Params) {
  return useQuery({ queryKey: objectiveKeys.list(params), queryFn: () => objectivesApi.list(params) });
}

export function useMeasurements(kpiId: string, params: Params) {
  return useQuery({
    queryKey: objectiveKeys.measurements(kpiId, params),
    queryFn: () => objectivesApi.measurements(kpiId, params),
  });
}

export function useCreateObjective(callbacks?: ChangeCallbacks<Objective, ObjectiveDraft>) {
  return useChange(objectivesApi.create, () => [objectiveKeys.all], callbacks);
}

export function useMeasure(kpiId: string, callbacks?: ChangeCallbacks<Objective, MeasurementInput>) {
  return useChange(
    (body: MeasurementInput) => objectivesApi.measure(kpiId, body),
    () => [objectiveKeys.all],
    callbacks,
  );
}
