import type { User } from '../../contracts/users.js';
import { useServices } from '../api/organization.js';
import { useAllUsers } from '../api/users.js';
import { useSession } from '../auth/session.js';

export { useServices };

/**
 * People who can own a control, risk or check (active users), or null when this role may not list people (then pages
 * show owner names from the records themselves and offer no owner picker).
 */
export function useOwners(): User[] | null {
  const { can } = useSession();
  const allowed = can('users.read');
  const users = useAllUsers(allowed);
  if (!allowed) return null;
  return (users.data?.items ?? []).filter((u) => u.status === 'active');
}

export const ownerOptions = (owners: User[]) => owners.map((u) => ({ value: u.id, label: u.name }));
