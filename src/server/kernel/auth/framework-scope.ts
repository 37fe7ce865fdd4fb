import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../context.js';

/**
 * Auditors see only the frameworks an admin scoped them to — with the controls mapped to those frameworks,
 * the evidence of those controls, and the audits and findings about them. Everyone else sees everything.
 * These fragments go into the WHERE clause of the queries that read those things, so scoping costs no
 * extra round trip and cannot be forgotten in one place while applied in another query of the same list.
 */
export function isScopedAuditor(actor: Actor): boolean {
  return actor.role === 'auditor';
}

function scopedFrameworkIds(actor: Actor): RawBuilder<unknown> {
  return sql`(SELECT s.framework_id FROM auditor_framework_scopes s WHERE s.user_id = ${actor.userId})`;
}

/** `column` holds a framework id. */
export function frameworkVisible(actor: Actor, column: string): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(column)} IN ${scopedFrameworkIds(actor)}`;
}

/** `column` holds a control id: visible when the control is mapped to a requirement of a visible framework. */
export function controlVisible(actor: Actor, column: string): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM control_requirements scr
    JOIN requirements sr ON sr.id = scr.requirement_id
    WHERE scr.control_id = ${sql.ref(column)} AND sr.framework_id IN ${scopedFrameworkIds(actor)})`;
}

/** `column` holds an evidence id: visible when it is evidence of a visible control. */
export function evidenceVisible(actor: Actor, column: string): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM evidence_controls sec
    WHERE sec.evidence_id = ${sql.ref(column)} AND ${controlVisible(actor, 'sec.control_id')})`;
}

/** `column` holds an audit id: visible when the audit's scope names a visible framework or the auditor leads it. */
export function auditVisible(actor: Actor, column: string): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`(EXISTS (SELECT 1 FROM audit_frameworks saf
      WHERE saf.audit_id = ${sql.ref(column)} AND saf.framework_id IN ${scopedFrameworkIds(actor)})
    OR EXISTS (SELECT 1 FROM audits sa WHERE sa.id = ${sql.ref(column)} AND sa.lead_auditor_id = ${actor.userId}))`;
}

/** `findingColumn` holds a finding id (nullable): a nonconformity is visible when it came from a visible audit. */
export function nonconformityVisible(actor: Actor, findingColumn: string): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM audit_findings saf2
    WHERE saf2.id = ${sql.ref(findingColumn)} AND ${auditVisible(actor, 'saf2.audit_id')})`;
}

/** `column` holds a check id: visible when the check tests a visible control. */
export function checkVisible(actor: Actor, column: string): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM check_controls scc
    WHERE scc.check_id = ${sql.ref(column)} AND ${controlVisible(actor, 'scc.control_id')})`;
}
