import { z } from 'zod';
import type { Duty, GrantedRole } from './roles.js';

/** Which roles besides admin (who holds every permission) are granted a permission, and which duty carries it. */
export interface PermissionGrant {
  roles: readonly GrantedRole[];
  duty?: Duty;
}

/**
 * What a module contributes to the shared contracts from its own `<m>.module.ts`: the permissions its routes
 * declare (with the roles granted each) and the audit actions it writes (with the shape of their data).
 * `src/contracts/modules.ts` composes them into `permissions.ts` and `audit-actions.ts`.
 */
export interface ModuleContract {
  permissions: Readonly<Record<string, PermissionGrant>>;
  auditActions: Readonly<Record<string, z.ZodType>>;
}

/** Keeps the literal permission names and audit schemas, so `Permission` and `AuditData` stay exact types. */
export function defineModuleContract<const C extends ModuleContract>(contract: C): C {
  return contract;
}

/** The `changes` field of an update event: each changed field with its value before and after. */
export const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));
