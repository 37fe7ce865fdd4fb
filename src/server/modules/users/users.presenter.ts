import type { User } from '../../../contracts/users.js';
import type { UserRow } from '../../kernel/db/schema.js';

export const presentUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  duties: r.duties,
  status: r.status as User['status'],
  lastLoginAt: r.last_login_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});
