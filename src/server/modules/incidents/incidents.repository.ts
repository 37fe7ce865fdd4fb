import { type SqlBool, sql } from 'kysely';
import type { IncidentListQuery } from '../../../contracts/incidents.js';
import { controlVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { incidentVisibility } from './incidents.policy.js';

/** The visibility rule of incidents.policy.ts as a WHERE fragment over `i`. */
function visible(ctx: ServiceContext) {
  const rule = incidentVisibility(ctx.actor);
  if (rule.kind === 'all') return sql<SqlBool>`true`;
  if (rule.kind === 'own') return sql<SqlBool>`i.reported_by = ${rule.userId}`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM unnest(i.control_ids) AS lc(id) WHERE ${controlVisible(ctx.actor, 'lc.id')})`;
}

export function incidentQuery(ctx: ServiceContext) {
  const now = new Date();
  return ctx.db
    .selectFrom('incidents as i')
    .leftJoin('users as u', 'u.id', 'i.reported_by')
    .selectAll('i')
    .select([
      'u.name as reporter_name',
      sql<Date | null>`(SELECT min(r.due_at) FROM incident_reports r
        WHERE r.incident_id = i.id AND r.status = 'draft')`.as('next_due_at'),
      sql<number>`(SELECT count(*) FROM incident_reports r
        WHERE r.incident_id = i.id AND r.status = 'draft' AND r.due_at < ${now})`.as('overdue_reports'),
    ])
    .where('i.organization_id', '=', ctx.organizationId)
    .where(visible(ctx));
}

export type IncidentRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof incidentQuery>['executeTakeFirst']>>
>;

export function filteredIncidents(ctx: ServiceContext, query: IncidentListQuery) {
  let q = incidentQuery(ctx);
  if (query.status) q = q.where('i.status', '=', query.status);
  if (query.category) q = q.where('i.category', '=', query.category);
  if (query.severity) q = q.where('i.severity', '=', query.severity);
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) => eb.or([eb('i.ref', 'ilike', pattern), eb('i.title', 'ilike', pattern)]));
  }
  return q;
}

export async function findIncident(ctx: ServiceContext, id: string): Promise<IncidentRow> {
  const row = await incidentQuery(ctx).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Incident ${id}`);
  return row;
}

/** Locks the incident row (after the organisation row the helper took) and returns it. */
export async function lockIncident(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('incidents')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(`Incident ${id}`);
  return row;
}

/** INC-001, INC-002 …; the transaction helper holds the organisation lock, so numbers never collide. */
export async function nextIncidentRef(ctx: ServiceContext): Promise<string> {
  const row = await sql<{ n: number | null }>`
    SELECT max(substring(ref FROM '^INC-([0-9]{1,9})$')::int) AS n FROM incidents
    WHERE organization_id = ${ctx.organizationId}`.execute(ctx.db);
  return `INC-${String(Number(row.rows[0]?.n ?? 0) + 1).padStart(3, '0')}`;
}

const idTables = {
  serviceIds: 'services',
  locationIds: 'locations',
  riskIds: 'risks',
  controlIds: 'controls',
} as const;

/** Every id names a row of this organisation; otherwise a 400 naming the field. */
export async function assertIdsExist(
  ctx: ServiceContext,
  field: keyof typeof idTables,
  ids: readonly string[] | undefined,
): Promise<void> {
  if (!ids || ids.length === 0) return;
  const unique = [...new Set(ids)];
  const rows = await ctx.db
    .selectFrom(idTables[field])
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', 'in', unique)
    .execute();
  if (rows.length !== unique.length) {
    const known = new Set(rows.map((r) => r.id));
    const unknown = unique.filter((id) => !known.has(id));
    throw new AppError('VALIDATION_FAILED', `${field} names an unknown ${idTables[field].slice(0, -1)}`, [
      { path: field, message: `Unknown: ${unknown.join(', ')}` },
    ]);
  }
}

export function timelineOf(ctx: ServiceContext, incidentId: string) {
  return ctx.db
    .selectFrom('incident_timeline as t')
    .leftJoin('users as u', 'u.id', 't.author_id')
    .select(['t.id', 't.kind', 't.happened_at', 't.text', 't.public_status', 'u.name as author'])
    .where('t.organization_id', '=', ctx.organizationId)
    .where('t.incident_id', '=', incidentId)
    .orderBy('t.happened_at')
    .orderBy('t.created_at')
    .execute();
}

export async function appendTimeline(
  ctx: ServiceContext,
  incidentId: string,
  entry: {
    kind: 'note' | 'action' | 'status' | 'triage' | 'report' | 'public-update';
    text: string;
    happenedAt?: Date;
    publicStatus?: 'investigating' | 'identified' | 'monitoring' | 'resolved';
  },
): Promise<void> {
  await ctx.db
    .insertInto('incident_timeline')
    .values({
      organization_id: ctx.organizationId,
      incident_id: incidentId,
      kind: entry.kind,
      happened_at: entry.happenedAt ?? new Date(),
      author_id: ctx.actor.userId,
      text: entry.text,
      public_status: entry.publicStatus ?? null,
    })
    .execute();
}

export function reportsOf(ctx: ServiceContext, incidentId: string) {
  return ctx.db
    .selectFrom('incident_reports as r')
    .leftJoin('users as u', 'u.id', 'r.submitted_by')
    .selectAll('r')
    .select('u.name as submitter')
    .where('r.organization_id', '=', ctx.organizationId)
    .where('r.incident_id', '=', incidentId)
    .orderBy('r.due_at')
    .orderBy('r.type')
    .orderBy('r.version')
    .execute();
}
export type ReportRow = Awaited<ReturnType<typeof reportsOf>>[number];
