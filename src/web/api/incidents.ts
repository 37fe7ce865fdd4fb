import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AvailabilityRow,
  ImportResult,
  Outage,
  OutageInput,
  SlaSettings,
} from '../../contracts/availability.js';
import type {
  IncidentDetail,
  IncidentInput,
  IncidentReport,
  IncidentStatus,
  IncidentSummary,
  publishInputSchema,
  reportSubmitSchema,
  TriageInput,
  timelineInputSchema,
} from '../../contracts/incidents.js';
import type { Page } from '../../contracts/paging.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, type Draft, type Params, query } from './client.js';

export type TimelineInput = z.input<typeof timelineInputSchema>;
export type PublishInput = z.input<typeof publishInputSchema>;
export type ReportSubmitInput = z.input<typeof reportSubmitSchema>;

export const incidentKeys = {
  lists: ['incidents'] as const,
  list: (params: Params) => ['incidents', query(params)] as const,
  detail: (id: string) => ['incident', id] as const,
};

export const outageKeys = {
  lists: ['outages'] as const,
  list: (params: Params) => ['outages', query(params)] as const,
  availability: (month: string) => ['availability', month] as const,
  allAvailability: ['availability'] as const,
  sla: ['sla-settings'] as const,
};

/** What a monitoring import sends: the source's data and which service each monitor measures. */
export type MonitoringImport =
  | { source: 'upptime' | 'gatus'; body: { content: string } & ImportMapping }
  | { source: 'uptime-kuma'; body: { statusPage: string; heartbeats: string } & ImportMapping }
  | {
      source: 'prometheus';
      body: {
        url: string;
        query: string;
        start: string;
        end: string;
        step: number;
        label?: string;
      } & ImportMapping;
    };
export interface ImportMapping {
  services: Record<string, string | null>;
  locationIds: string[];
}

export const incidentsApi = {
  list: (params: Params) => api.get<Page<IncidentSummary>>(`/api/incidents${query(params)}`),
  get: (id: string) => api.get<IncidentDetail>(`/api/incidents/${id}`),
  report: (body: Draft<IncidentInput>) => api.post<IncidentDetail>('/api/incidents', body),
  transition: (id: string, to: IncidentStatus) =>
    api.post<IncidentDetail>(`/api/incidents/${id}/transition`, { to }),
  addToTimeline: (id: string, body: TimelineInput) =>
    api.post<IncidentDetail>(`/api/incidents/${id}/timeline`, body),
  triage: (id: string, body: TriageInput) => api.post<IncidentDetail>(`/api/incidents/${id}/triage`, body),
  publish: (id: string, body: Draft<PublishInput>) =>
    api.post<IncidentDetail>(`/api/incidents/${id}/publication`, body),
  submitReport: (id: string, reportId: string, body: ReportSubmitInput) =>
    api.post<IncidentReport>(`/api/incidents/${id}/reports/${reportId}/submit`, body),
  reportExportUrl: (id: string, reportId: string, format: 'md' | 'pdf') =>
    `/api/incidents/${id}/reports/${reportId}/export.${format}`,
  outages: (params: Params) => api.get<Page<Outage>>(`/api/outages${query(params)}`),
  availability: (month: string) => api.get<AvailabilityRow[]>(`/api/availability${query({ month })}`),
  recordOutage: (body: Draft<OutageInput>) => api.post<Outage>('/api/outages', body),
  endOutage: (id: string, endedAt: string) => api.post<Outage>(`/api/outages/${id}/end`, { endedAt }),
  importMonitoring: (i: MonitoringImport) =>
    api.post<ImportResult>(`/api/outages/import/${i.source}`, i.body),
  slaSettings: () => api.get<SlaSettings>('/api/sla-settings'),
  putSlaSettings: (body: SlaSettings) => api.put<SlaSettings>('/api/sla-settings', body),
};

export function useIncidents(params: Params) {
  return useQuery({
    queryKey: incidentKeys.list(params),
    queryFn: () => incidentsApi.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useIncident(id: string) {
  return useQuery({ queryKey: incidentKeys.detail(id), queryFn: () => incidentsApi.get(id) });
}

export function useOutages(params: Params) {
  return useQuery({ queryKey: outageKeys.list(params), queryFn: () => incidentsApi.outages(params) });
}

/** The monthly SLA per service and location; asks nothing until the month reads YYYY-MM. */
export function useAvailability(month: string) {
  return useQuery({
    queryKey: outageKeys.availability(month),
    queryFn: () => incidentsApi.availability(month),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
}

export function useReportIncident(callbacks?: ChangeCallbacks<IncidentDetail, Draft<IncidentInput>>) {
  return useChange(incidentsApi.report, () => [incidentKeys.lists], callbacks);
}

/** A change answering the whole incident: the answer replaces the cached detail; the lists reload. */
function useIncidentChange<TVars>(
  id: string,
  run: (vars: TVars) => Promise<IncidentDetail>,
  callbacks?: ChangeCallbacks<IncidentDetail, TVars>,
) {
  const client = useQueryClient();
  return useChange(
    async (vars: TVars) => {
      const next = await run(vars);
      client.setQueryData(incidentKeys.detail(id), next);
      return next;
    },
    () => [incidentKeys.lists],
    callbacks,
  );
}

export function useMoveIncident(id: string, callbacks?: ChangeCallbacks<IncidentDetail, IncidentStatus>) {
  return useIncidentChange(id, (to: IncidentStatus) => incidentsApi.transition(id, to), callbacks);
}

export function useAddToTimeline(id: string, callbacks?: ChangeCallbacks<IncidentDetail, TimelineInput>) {
  return useIncidentChange(id, (body: TimelineInput) => incidentsApi.addToTimeline(id, body), callbacks);
}

export function useTriageIncident(id: string, callbacks?: ChangeCallbacks<IncidentDetail, TriageInput>) {
  return useIncidentChange(id, (body: TriageInput) => incidentsApi.triage(id, body), callbacks);
}

export function usePublishIncident(
  id: string,
  callbacks?: ChangeCallbacks<IncidentDetail, Draft<PublishInput>>,
) {
  return useIncidentChange(id, (body: Draft<PublishInput>) => incidentsApi.publish(id, body), callbacks);
}

/** Marks a report submitted; the incident (its reports and timeline) and the lists (next due) reload. */
export function useSubmitReport(
  id: string,
  reportId: string,
  callbacks?: ChangeCallbacks<IncidentReport, ReportSubmitInput>,
) {
  return useChange(
    (body: ReportSubmitInput) => incidentsApi.submitReport(id, reportId, body),
    () => [incidentKeys.detail(id), incidentKeys.lists],
    callbacks,
  );
}

export function useSlaSettings() {
  return useQuery({ queryKey: outageKeys.sla, queryFn: incidentsApi.slaSettings });
}

/** Outage changes make the outage lists and every month's availability stale. */
const outageStale = () => [outageKeys.lists, outageKeys.allAvailability];

export function useRecordOutage(callbacks?: ChangeCallbacks<Outage, Draft<OutageInput>>) {
  return useChange(incidentsApi.recordOutage, outageStale, callbacks);
}

export function useEndOutage(callbacks?: ChangeCallbacks<Outage, { id: string; endedAt: string }>) {
  return useChange(
    (v: { id: string; endedAt: string }) => incidentsApi.endOutage(v.id, v.endedAt),
    outageStale,
    callbacks,
  );
}

export function useImportMonitoring(callbacks?: ChangeCallbacks<ImportResult, MonitoringImport>) {
  return useChange(incidentsApi.importMonitoring, outageStale, callbacks);
}

export function usePutSlaSettings(callbacks?: ChangeCallbacks<SlaSettings, SlaSettings>) {
  return useChange(
    incidentsApi.putSlaSettings,
    () => [outageKeys.sla, outageKeys.allAvailability],
    callbacks,
  );
}
