import { z } from 'zod';
import { mergeContracts, type PermissionCatalogue } from './modules.js';
import { type Role, roles } from './roles.js';

export { type GrantedRole, type Role, roleSchema, roles } from './roles.js';

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

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
