import type { AuditProgramme, AuditProgrammeData } from '../../../contracts/audits.js';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { conflict } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';

function programmeQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('audit_programmes as p')
    .select(['p.id', 'p.year', 'p.objectives'])
    .select((eb) =>
      eb
        .selectFrom('audits as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.programme_id', '=', 'p.id')
        .as('audit_count'),
    )
    .where('p.organization_id', '=', ctx.organizationId);
}

const present = (r: { id: string; year: number; objectives: string; audit_count: number | null }) => ({
  id: r.id,
  year: r.year,
  objectives: r.objectives,
  auditCount: Number(r.audit_count ?? 0),
});

export function listProgrammes(ctx: ServiceContext, query: PageQuery): Promise<Page<AuditProgramme>> {
  return paged(programmeQuery(ctx), (q) => q.orderBy('p.year', 'desc'), query, present);
}

export async function createProgramme(
  ctx: ServiceContext,
  input: AuditProgrammeData,
): Promise<AuditProgramme> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await tx.db
        .insertInto('audit_programmes')
        .values({ organization_id: tx.organizationId, year: input.year, objectives: input.objectives })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAuditEvent(
        tx,
        'audit-programme.created',
        { type: 'audit-programme', id: row.id },
        {
          year: input.year,
        },
      );
      return present(await programmeQuery(tx).where('p.id', '=', row.id).executeTakeFirstOrThrow());
    });
  } catch (err) {
    throw isUniqueViolation(err) ? conflict(`There is already an audit programme for ${input.year}`) : err;
  }
}
