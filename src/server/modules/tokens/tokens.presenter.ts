import type { Permission } from '../../../contracts/permissions.js';
import type { ApiToken } from '../../../contracts/tokens.js';
import type { ApiTokenRow } from '../../kernel/db/schema.js';

export const presentToken = (r: ApiTokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes as Permission[],
  expiresAt: r.expires_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});
