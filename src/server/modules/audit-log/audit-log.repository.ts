import { type RawBuilder, type SqlBool, sql } from 'kysely';
import {
  auditVisible,
  checkVisible,
  controlVisible,
  evidenceVisible,
  frameworkVisible,
  isScopedAuditor,
  nonconformityVisible,
} from '../../kernel/auth/framework-scope.js';
import type { Actor, ServiceContext } from '../../kernel/context.js';

interface NameSource {
  table: string;
  /** SQL over the row `t` that names it as a person reads it: reference and title. */
  label: RawBuilder<string>;
  /** Row visibility for a scoped auditor; types without one are not named for a scoped auditor at all. */
  visible?: (actor: Actor) => RawBuilder<SqlBool>;
}

const refTitle = sql<string>`t.ref || ' ' || t.title`;
const short = (column: string) => sql<string>`left(${sql.ref(column)}, 120)`;

/** Where the name of each kind of audited entity comes from; every source is read within the organisation. */
const sources: Record<string, NameSource> = {
  control: { table: 'controls', label: refTitle, visible: (a) => controlVisible(a, 't.id') },
  evidence: { table: 'evidence', label: short('t.title'), visible: (a) => evidenceVisible(a, 't.id') },
  check: { table: 'checks', label: short('t.name'), visible: (a) => checkVisible(a, 't.id') },
  audit: { table: 'audits', label: short('t.title'), visible: (a) => auditVisible(a, 't.id') },
  nonconformity: {
    table: 'nonconformities',
    label: sql<string>`t.ref || ' ' || left(t.description, 100)`,
    visible: (a) => nonconformityVisible(a, 't.finding_id'),
  },
  framework: { table: 'frameworks', label: short('t.name'), visible: (a) => frameworkVisible(a, 't.id') },
  requirement: {
    table: 'requirements',
    label: refTitle,
    visible: (a) => frameworkVisible(a, 't.framework_id'),
  },
  risk: { table: 'risks', label: refTitle },
  policy: { table: 'policy_documents', label: short('t.title') },
  'faq-entry': { table: 'faq_entries', label: short('t.question') },
  asset: { table: 'assets', label: short('t.name') },
  task: { table: 'tasks', label: short('t.title') },
  objective: { table: 'objectives', label: short('t.title') },
  'management-review': { table: 'management_reviews', label: short('t.title') },
  questionnaire: { table: 'questionnaires', label: short('t.title') },
  'trust-document': { table: 'trust_documents', label: short('t.title') },
  subprocessor: { table: 'subprocessors', label: short('t.name') },
  service: { table: 'services', label: short('t.name') },
  location: { table: 'locations', label: sql<string>`t.code || ' ' || t.name` },
  activity: { table: 'recurring_activities', label: short('t.title') },
  user: { table: 'users', label: short('t.name') },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const entityKey = (type: string, id: string) => `${type}:${id}`;

/**
 * The names of the entities a page of audit events is about: one query per entity type on the page. A scoped
 * auditor gets names only of what the same scoping shows them elsewhere (frameworks, requirements, controls,
 * evidence, checks, audits, nonconformities within their frameworks); other rows keep their type and id.
 * Deleted entities have no name.
 */
export async function entityNames(
  ctx: ServiceContext,
  events: { entityType: string; entityId: string | null }[],
): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const e of events) {
    if (!e.entityId || !UUID.test(e.entityId) || !sources[e.entityType]) continue;
    const ids = idsByType.get(e.entityType) ?? new Set<string>();
    ids.add(e.entityId);
    idsByType.set(e.entityType, ids);
  }
  const scoped = isScopedAuditor(ctx.actor);
  const names = new Map<string, string>();
  for (const [type, ids] of idsByType) {
    const source = sources[type];
    if (!source || (scoped && !source.visible)) continue;
    const visible = source.visible ? source.visible(ctx.actor) : sql<SqlBool>`true`;
    const rows = await sql<{ id: string; name: string }>`
      SELECT t.id::text AS id, ${source.label} AS name FROM ${sql.table(source.table)} t
      WHERE t.organization_id = ${ctx.organizationId}
        AND t.id IN (${sql.join([...ids].map((id) => sql`${id}::uuid`))})
        AND ${visible}`.execute(ctx.db);
    for (const r of rows.rows) names.set(entityKey(type, r.id), r.name);
  }
  return names;
}
