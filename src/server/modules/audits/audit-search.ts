import type { AuditSummary } from '../../../contracts/audits.js';
import type { Page } from '../../../contracts/paging.js';
import type { ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { paged } from '../../kernel/http/paging.js';
import { presentAuditSummary } from './audits.presenter.js';
import { auditListQuery } from './audits.repository.js';

/** Audits whose title contains `q`, through the same (scoped) query as the audit list; for global search. */
export function searchAudits(ctx: ServiceContext, q: string, limit: number): Promise<Page<AuditSummary>> {
  return paged(
    auditListQuery(ctx).where('a.title', 'ilike', containsPattern(q)),
    (x) => x.orderBy('a.planned_start', 'desc').orderBy('a.id'),
    { page: 1, pageSize: limit },
    presentAuditSummary,
  );
}
