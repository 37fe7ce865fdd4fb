import type { Page } from '../../../contracts/paging.js';
import type { FaqEntry } from '../../../contracts/trust-center.js';
import type { ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { paged } from '../../kernel/http/paging.js';
import { entryOrder, faqEntryQuery } from './faq.repository.js';
import { claimGate } from './faq-claims.js';
import { presentFaqEntry } from './trust-center.presenter.js';

/** FAQ entries whose question contains `q`, through the same query as the FAQ list; for global search. */
export async function searchFaqEntries(
  ctx: ServiceContext,
  q: string,
  limit: number,
): Promise<Page<FaqEntry>> {
  const gate = await claimGate(ctx);
  return paged(
    faqEntryQuery(ctx).where('e.question', 'ilike', containsPattern(q)),
    entryOrder,
    { page: 1, pageSize: limit },
    (row) => presentFaqEntry(row, gate),
  );
}
