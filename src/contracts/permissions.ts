import { z } from 'zod';

export const roles = ['admin', 'compliance-manager', 'contributor', 'auditor', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Every permission a route can declare. `public` and `authenticated` are pseudo-permissions. */
export const permissions = [
  'organization.read',
  'organization.manage',
  'users.read',
  'users.manage',
  'tokens.manage-own',
  'audit.read',
  'audit.checkpoint',
] as const;
export const permissionSchema = z.enum(permissions);
export type Permission = z.infer<typeof permissionSchema>;

export type RouteAccess = Permission | 'public' | 'authenticated';

const everyone: Permission[] = ['organization.read', 'tokens.manage-own'];

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(permissions),
  'compliance-manager': new Set([...everyone, 'users.read', 'audit.read', 'audit.checkpoint']),
  contributor: new Set([...everyone]),
  auditor: new Set([...everyone, 'audit.read']),
  viewer: new Set([...everyone]),
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
