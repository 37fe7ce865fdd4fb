import { sql } from 'kysely';
import type { AuditListQuery, AuditProgress } from '../../../contracts/audits.js';
import { auditVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';

export function auditListQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('audits as a')
    .leftJoin('users as u', 'u.id', 'a.lead_auditor_id')
    .leftJoin('audit_programmes as p', 'p.id', 'a.programme_id')
    .selectAll('a')
    .select(['u.name as lead_auditor_name', 'p.year as programme_year'])
    .select(sql<number>`(SELECT count(*) FROM audit_findings f WHERE f.audit_id = a.id)`.as('finding_count'))
    .where('a.organization_id', '=', ctx.organizationId)
    .where(auditVisible(ctx.actor, 'a.id'));
}

export type AuditListRow = Awaited<ReturnType<ReturnType<typeof auditListQuery>['executeTakeFirstOrThrow']>>;

export function filteredAudits(ctx: ServiceContext, f: AuditListQuery) {
  let q = auditListQuery(ctx);
  if (f.programmeId) q = q.where('a.programme_id', '=', f.programmeId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.type) q = q.where('a.type', '=', f.type);
  return q;
}

export async function findAudit(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('audits')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .where(auditVisible(ctx.actor, 'id'))
    .executeTakeFirst();
  if (!row) throw notFound(`Audit ${id}`);
  return row;
}

export type AuditRow = Awaited<ReturnType<typeof findAudit>>;

export async function auditProgress(ctx: ServiceContext, auditId: string): Promise<AuditProgress> {
  const rows = await ctx.db
    .selectFrom('audit_checklist_items')
    .select(['result', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organization_id', '=', ctx.organizationId)
    .where('audit_id', '=', auditId)
    .groupBy('result')
    .execute();
  const n = (result: string) => Number(rows.find((r) => r.result === result)?.n ?? 0);
  const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
  return {
    total,
    checked: total - n('not-checked'),
    conform: n('conform'),
    nonconform: n('nonconform'),
    observation: n('observation'),
  };
}

export function auditScope(ctx: ServiceContext, auditId: string) {
  return Promise.all([
    ctx.db
      .selectFrom('audit_frameworks as af')
      .innerJoin('frameworks as f', 'f.id', 'af.framework_id')
      .select(['f.id', 'f.name'])
      .where('af.organization_id', '=', ctx.organizationId)
      .where('af.audit_id', '=', auditId)
      .orderBy('f.name')
      .execute(),
    ctx.db
      .selectFrom('audit_services as s2')
      .innerJoin('services as s', 's.id', 's2.service_id')
      .select(['s.id', 's.name'])
      .where('s2.organization_id', '=', ctx.organizationId)
      .where('s2.audit_id', '=', auditId)
      .orderBy('s.name')
      .execute(),
  ]);
}
