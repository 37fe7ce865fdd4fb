import { z } from 'zod';

export const roles = ['admin', 'compliance-manager', 'contributor', 'auditor', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Every role but admin, which holds every permission anyway. */
export type GrantedRole = Exclude<Role, 'admin'>;
/**
 * Duties: permissions an administrator gives one person on top of their role, for work that is not a role of its
 * own (the incident manager, who may be an engineer on call). A module contract names the duty that carries a
 * permission (`duty` on the grant); auditors, external and read-only, are given no duty.
 */
export const duties = ['incident-manager'] as const;
export const dutySchema = z.enum(duties);
export type Duty = z.infer<typeof dutySchema>;
export const rolesWithDuties: readonly Role[] = ['compliance-manager', 'contributor', 'viewer'];

export const everyone: readonly GrantedRole[] = ['compliance-manager', 'contributor', 'auditor', 'viewer'];
