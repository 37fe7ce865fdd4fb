import type { z } from 'zod';
import { type AuditCatalogue, mergeContracts } from './modules.js';

/**
 * Every audit action Tillit writes, with the shape of its data, from the modules' contracts (`<m>.module.ts`,
 * composed in modules.ts). Stored JSON is validated against these.
 */
export const auditActionSchemas = mergeContracts('audit action', (c) => c.auditActions) as AuditCatalogue;

export type AuditAction = keyof AuditCatalogue & string;
export type AuditData<A extends AuditAction> = z.input<AuditCatalogue[A]>;
export const auditActions = Object.keys(auditActionSchemas) as AuditAction[];
