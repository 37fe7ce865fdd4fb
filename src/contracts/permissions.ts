import { z } from 'zod';
import type { PermissionGrant } from './module-contract.js';
import { mergeContracts, type PermissionCatalogue } from './modules.js';
import { type Duty, duties, type Role, roles, rolesWithDuties } from './roles.js';

export {
  type Duty,
  duties,
  dutySchema,
  type GrantedRole,
  type Role,
  roleSchema,
  roles,
  rolesWithDuties,
} from './roles.js';

/** Every permission a route can declare, from the modules' contracts (`<m>.module.ts`, composed in modules.ts). */
const catalogue = mergeContracts('permission', (c) => c.permissions) as PermissionCatalogue;
export type Permission = keyof PermissionCatalogue & string;
export const permissions = Object.keys(catalogue) as [Permission, ...Permission[]];
export const permissionSchema = z.enum(permissions);

/**
 * `public` and `authenticated` are pseudo-permissions. `authenticated` admits any signed-in person; on a
 * state-changing method it admits cookie sessions only (an API token acts through its scopes, and no scope
 * grants it), so a read-only token never changes state.
 */
export type RouteAccess = Permission | 'public' | 'authenticated';

function grantedTo(role: Role): ReadonlySet<Permission> {
  return new Set(permissions.filter((p) => role === 'admin' || catalogue[p].roles.some((r) => r === role)));
}

/** Admin holds every permission; every other role what the modules grant it. */
export const rolePermissions = Object.fromEntries(roles.map((role) => [role, grantedTo(role)])) as Record<
  Role,
  ReadonlySet<Permission>
>;

/** The permissions each duty carries, from the `duty` of the modules' grants. */
export const dutyPermissions: Record<Duty, ReadonlySet<Permission>> = {
  'incident-manager': carriedBy('incident-manager'),
};

function carriedBy(duty: Duty): ReadonlySet<Permission> {
  return new Set(permissions.filter((p) => (catalogue[p] as PermissionGrant).duty === duty));
}

/** What a person holds: their role's permissions and, unless the role takes no duties, their duties'. */
export function permissionsOf(role: Role, held: readonly string[]): ReadonlySet<Permission> {
  const given = duties.filter((d) => held.includes(d));
  if (given.length === 0 || !rolesWithDuties.includes(role)) return rolePermissions[role];
  return new Set([...rolePermissions[role], ...given.flatMap((d) => [...dutyPermissions[d]])]);
}

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
