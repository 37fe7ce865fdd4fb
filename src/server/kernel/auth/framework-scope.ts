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

/** A column name, or an SQL expression yielding the id (e.g. a cast). */
type Operand = string | RawBuilder<unknown>;
const operand = (c: Operand) => (typeof c === 'string' ? sql.ref(c) : c);

function scopedFrameworkIds(actor: Actor): RawBuilder<unknown> {
  return sql`(SELECT s.framework_id FROM auditor_framework_scopes s WHERE s.user_id = ${actor.userId})`;
}

/** `column` holds a framework id. */
export function frameworkVisible(actor: Actor, column: Operand): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`${operand(column)} IN ${scopedFrameworkIds(actor)}`;
}

/** `column` holds a control id: visible when the control is mapped to a requirement of a visible framework. */
export function controlVisible(actor: Actor, column: Operand): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM control_requirements scr
    JOIN requirements sr ON sr.id = scr.requirement_id
    WHERE scr.control_id = ${operand(column)} AND sr.framework_id IN ${scopedFrameworkIds(actor)})`;
}

/** `column` holds an evidence id: visible when it is evidence of a visible control. */
export function evidenceVisible(actor: Actor, column: Operand): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM evidence_controls sec
    WHERE sec.evidence_id = ${operand(column)} AND ${controlVisible(actor, 'sec.control_id')})`;
}

/** `column` holds an audit id: visible when the audit's scope names a visible framework or the auditor leads it. */
export function auditVisible(actor: Actor, column: Operand): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`(EXISTS (SELECT 1 FROM audit_frameworks saf
      WHERE saf.audit_id = ${operand(column)} AND saf.framework_id IN ${scopedFrameworkIds(actor)})
    OR EXISTS (SELECT 1 FROM audits sa WHERE sa.id = ${operand(column)} AND sa.lead_auditor_id = ${actor.userId}))`;
}

/** `findingColumn` holds a finding id (nullable): a nonconformity is visible when it came from a visible audit. */
export function nonconformityVisible(actor: Actor, findingColumn: Operand): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM audit_findings saf2
    WHERE saf2.id = ${operand(findingColumn)} AND ${auditVisible(actor, 'saf2.audit_id')})`;
}

/** `column` holds a check id: visible when the check tests a visible control. */
export function checkVisible(actor: Actor, column: Operand): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM check_controls scc
    WHERE scc.check_id = ${operand(column)} AND ${controlVisible(actor, 'scc.control_id')})`;
}

/**
 * `serviceColumn` holds a service id (nullable): a scoped auditor sees the vulnerability findings, scan targets
 * and their counts of a service that is the scope of at least one control they can see (so an auditor of
 * ISO 27001 sees the findings of the services whose controls they audit). Findings on targets not mapped to an
 * asset, on assets without a service, or on services whose controls are all out of scope are withheld — their
 * titles, packages and host names describe systems outside the audit.
 */
export function vulnerabilityServiceVisible(actor: Actor, serviceColumn: Operand): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM controls svc
    WHERE svc.service_id = ${operand(serviceColumn)} AND ${controlVisible(actor, 'svc.id')})`;
}

/** A text id as a uuid, or NULL when it is not one (so a cast never fails the query). */
function uuidOrNull(text: RawBuilder<unknown> | ReturnType<typeof sql.ref>): RawBuilder<unknown> {
  return sql`(CASE WHEN ${text} ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN (${text})::uuid END)`;
}

/**
 * `column` holds a questionnaire item's answer sources (a JSON array of {type, id, …}): the item is visible
 * when every control it was answered from is, since its answer quotes that control's implementation text.
 */
export function answerSourcesVisible(actor: Actor, column: string): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${sql.ref(column)}::jsonb) src
    WHERE src->>'type' = 'control' AND NOT ${controlVisible(actor, uuidOrNull(sql`src->>'id'`))})`;
}

/**
 * `column` holds a recurring activity id: visible when it is about no control, or about a visible one (its
 * title and tasks name the control's work, like a check's).
 */
export function activityVisible(actor: Actor, column: Operand): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`(NOT EXISTS (SELECT 1 FROM recurring_activity_controls sac
      WHERE sac.activity_id = ${operand(column)})
    OR EXISTS (SELECT 1 FROM recurring_activity_controls sac2
      WHERE sac2.activity_id = ${operand(column)} AND ${controlVisible(actor, 'sac2.control_id')}))`;
}

/**
 * A task is visible unless it comes from a check or a recurring activity the auditor may not see
 * ("Check failing: …" carries the check's name and result; an activity's task its title).
 */
export function taskVisible(
  actor: Actor,
  sourceTypeColumn: string,
  sourceIdColumn: string,
): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`(CASE ${sql.ref(sourceTypeColumn)}
    WHEN 'check' THEN ${checkVisible(actor, sourceIdColumn)}
    WHEN 'activity' THEN EXISTS (SELECT 1 FROM activity_occurrences sao
      WHERE sao.id = ${sql.ref(sourceIdColumn)} AND ${activityVisible(actor, 'sao.activity_id')})
    ELSE true END)`;
}

/**
 * An audit event is visible to a scoped auditor only when it is about something in their scope: a visible
 * framework, requirement, control, evidence, check, audit, finding or nonconformity. Events about anything
 * else (risks, tasks, FAQ, questionnaires, reviews, people…) can quote control text in their data, so they
 * are withheld rather than redacted.
 */
export function auditEventVisible(actor: Actor, typeColumn: string, idColumn: string): RawBuilder<SqlBool> {
  if (!isScopedAuditor(actor)) return sql<SqlBool>`true`;
  const id = uuidOrNull(sql.ref(idColumn));
  return sql<SqlBool>`(CASE ${sql.ref(typeColumn)}
    WHEN 'framework' THEN ${frameworkVisible(actor, id)}
    WHEN 'requirement' THEN EXISTS (SELECT 1 FROM requirements vr WHERE vr.id = ${id}
      AND ${frameworkVisible(actor, 'vr.framework_id')})
    WHEN 'control' THEN ${controlVisible(actor, id)}
    WHEN 'evidence' THEN ${evidenceVisible(actor, id)}
    WHEN 'check' THEN ${checkVisible(actor, id)}
    WHEN 'audit' THEN ${auditVisible(actor, id)}
    WHEN 'finding' THEN ${nonconformityVisible(actor, id)}
    WHEN 'nonconformity' THEN EXISTS (SELECT 1 FROM nonconformities vn WHERE vn.id = ${id}
      AND ${nonconformityVisible(actor, 'vn.finding_id')})
    ELSE false END)`;
}

/**
 * Records that are a frozen picture of the whole programme — management reviews, whose report snapshots every
 * framework's coverage, findings and risks — are withheld from scoped auditors rather than filtered when read:
 * filtering would present an altered copy of a signed-off record, and the snapshot's parts do not all carry the
 * framework they came from. An admin can share the report itself when an audit needs it.
 */
export function wholeProgrammeVisible(actor: Actor): RawBuilder<SqlBool> {
  return isScopedAuditor(actor) ? sql<SqlBool>`false` : sql<SqlBool>`true`;
}
