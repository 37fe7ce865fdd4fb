import type { Permission, RouteAccess } from '../../../contracts/permissions.js';
import type { SearchKind } from '../../../contracts/search.js';

export const searchPolicy = {
  /** Anyone signed in may search; each kind is searched only when the reader may read it. */
  search: 'authenticated',
} as const satisfies Record<string, RouteAccess>;

/** The permission that reading each kind of hit needs — the same as its own list route. */
export const kindPermissions: Record<SearchKind, Permission> = {
  control: 'controls.read',
  requirement: 'frameworks.read',
  risk: 'risks.read',
  policy: 'policies.read',
  evidence: 'evidence.read',
  faq: 'trust-center.read',
  audit: 'audits.read',
  person: 'users.read',
};
