import { z } from 'zod';

export const roles = ['admin', 'compliance-manager', 'contributor', 'auditor', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Every role but admin, which holds every permission anyway. */
export type GrantedRole = Exclude<Role, 'admin'>;
export const everyone: readonly GrantedRole[] = ['compliance-manager', 'contributor', 'auditor', 'viewer'];
