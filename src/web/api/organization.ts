import { useQuery } from '@tanstack/react-query';
import type { Location, Organization, Service } from '../../contracts/organization.js';
import { sessionKeys } from './auth.js';
import { type ChangeCallbacks, useChange } from './change.js';
import { api } from './client.js';

export const organizationKeys = {
  all: ['organization'] as const,
};

export const organizationApi = {
  get: () => api.get<Organization>('/api/organization'),
  update: (body: { name: string; securityContactEmail: string | null }) =>
    api.patch<Organization>('/api/organization', body),
  saveLocation: (id: string | undefined, body: Partial<Location>) =>
    id ? api.patch<Location>(`/api/locations/${id}`, body) : api.post<Location>('/api/locations', body),
  saveService: (id: string | undefined, body: Partial<Service>) =>
    id ? api.patch<Service>(`/api/services/${id}`, body) : api.post<Service>('/api/services', body),
  remove: (kind: 'locations' | 'services', id: string) => api.delete(`/api/${kind}/${id}`),
  securityChapterUrl: (serviceId: string) => `/api/services/${serviceId}/security-chapter.md`,
  oscalComponentUrl: (serviceId: string) => `/api/services/${serviceId}/oscal-component-definition.json`,
};

/** The organisation profile with its locations and services; one cache entry shared by every page. */
export function useOrganization() {
  return useQuery({ queryKey: organizationKeys.all, queryFn: organizationApi.get });
}

/** The organisation's services. */
export function useServices(): Service[] {
  return useOrganization().data?.services ?? [];
}

/** Saves the organisation's name and security contact; the organisation and the session (which names it) reload. */
export function useUpdateOrganization(
  callbacks?: ChangeCallbacks<Organization, { name: string; securityContactEmail: string | null }>,
) {
  return useChange(organizationApi.update, () => [organizationKeys.all, sessionKeys.all], callbacks);
}

/** Removes a location or a service; the organisation reloads. */
export function useRemoveOrganizationItem(
  kind: 'locations' | 'services',
  callbacks?: ChangeCallbacks<void, string>,
) {
  return useChange(
    (id: string) => organizationApi.remove(kind, id),
    () => [organizationKeys.all],
    callbacks,
  );
}
