import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Activity, ActivityCreate, ActivityPatch, ScheduleInput } from '../../contracts/activities.js';
import type { Page } from '../../contracts/paging.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Draft, type Params, query } from './client.js';

export const activityKeys = {
  all: ['activities'] as const,
  list: (params: Params) => ['activities', query(params)] as const,
  preview: (schedule: ScheduleInput, startsAt: string | undefined) =>
    ['activities', 'preview', schedule, startsAt] as const,
};

export const activitiesApi = {
  list: (params: Params) => api.get<Page<Activity>>(`/api/activities${query(params)}`),
  create: (body: Draft<ActivityCreate>) => api.post<Activity>('/api/activities', body),
  update: (id: string, body: Draft<ActivityPatch>) => api.patch<Activity>(`/api/activities/${id}`, body),
  preview: (body: ScheduleInput) =>
    api.post<{ occurrences: string[] }>('/api/activities/schedule-preview', body),
};

export function useActivities(params: Params) {
  return useQuery({
    queryKey: activityKeys.list(params),
    queryFn: () => activitiesApi.list(params),
    placeholderData: keepPreviousData,
  });
}

/** The next occurrences of a schedule, from the server (which owns the rules). */
export function useSchedulePreview(schedule: ScheduleInput, startsAt: string | undefined) {
  return useQuery({
    queryKey: activityKeys.preview(schedule, startsAt),
    queryFn: () => activitiesApi.preview({ ...schedule, ...(startsAt ? { startsAt } : {}) }),
    enabled: schedule.expression.trim() !== '',
    retry: false,
  });
}

/** Creates an activity (no id) or changes one. */
export function useSaveActivity(
  id: string | undefined,
  callbacks?: ChangeCallbacks<Activity, Draft<ActivityCreate>>,
) {
  return useChange(
    (body: Draft<ActivityCreate>) => (id ? activitiesApi.update(id, body) : activitiesApi.create(body)),
    () => [activityKeys.all],
    callbacks,
  );
}
