import { useQuery } from '@tanstack/react-query';
import type { Organization, Service } from '../../../contracts/organization.js';
import type { Page } from '../../../contracts/paging.js';
import type { User } from '../../../contracts/users.js';
import { api } from '../../api/client.js';
import { useSession } from '../../auth/session.js';

/** The organisation's services; shares its cache with the organisation page. */
export function useServices(): Service[] {
  const org = useQuery({
    queryKey: ['organization'],
    queryFn: () => api.get<Organization>('/api/organization'),
  });
  return org.data?.services ?? [];
}

/**
 * People who can own a control (active users), or null when this role may not list people (then pages show owner names
 * from the controls themselves and offer no owner picker).
 */
export function useOwners(): User[] | null {
  const { can } = useSession();
  const allowed = can('users.read');
  const users = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => api.get<Page<User>>('/api/users?pageSize=200'),
    enabled: allowed,
  });
  if (!allowed) return null;
  return (users.data?.items ?? []).filter((u) => u.status === 'active');
}

export const ownerOptions = (owners: User[]) => owners.map((u) => ({ value: u.id, label: u.name }));
