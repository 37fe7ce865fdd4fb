import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEvent, AuditVerification } from '../../contracts/audit.js';
import type { Page } from '../../contracts/paging.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api, query } from './client.js';

export interface Checkpoint {
  treeSize: number;
  note: string;
}

export type AuditEventParams = Record<string, string | number | undefined>;

export const auditLogKeys = {
  events: ['audit-events'] as const,
  eventList: (params: AuditEventParams) => ['audit-events', query(params)] as const,
  verification: ['audit-verification'] as const,
};

export const auditLogApi = {
  events: (params: AuditEventParams) => api.get<Page<AuditEvent>>(`/api/audit-events${query(params)}`),
  verification: () => api.get<AuditVerification>('/api/audit-log/verification'),
  checkpoint: () => api.post<Checkpoint>('/api/audit-log/checkpoints'),
};

export function useAuditEvents(params: AuditEventParams) {
  return useQuery({
    queryKey: auditLogKeys.eventList(params),
    queryFn: () => auditLogApi.events(params),
    placeholderData: keepPreviousData,
  });
}

export function useVerification() {
  return useQuery({ queryKey: auditLogKeys.verification, queryFn: auditLogApi.verification });
}

/** Signs a checkpoint; the verification and the event list reload. */
export function useCheckpoint(callbacks?: ChangeCallbacks<Checkpoint, void>) {
  return useChange(auditLogApi.checkpoint, () => [auditLogKeys.verification, auditLogKeys.events], callbacks);
}
