import type { Page } from '../../../contracts/paging.js';
import {
  type SearchGroup,
  type SearchHit,
  type SearchKind,
  type SearchQuery,
  type SearchResult,
  searchKinds,
} from '../../../contracts/search.js';
import type { ServiceContext } from '../../kernel/context.js';
import { searchAudits } from '../audits/index.js';
import { listControls } from '../controls/index.js';
import { listEvidence } from '../evidence/index.js';
import { listFrameworks, listRequirements } from '../frameworks/index.js';
import { listPolicies } from '../policies/index.js';
import { listRisks } from '../risks/index.js';
import { searchFaqEntries } from '../trust-center/index.js';
import { searchPeople } from '../users/index.js';
import { kindPermissions } from './search.policy.js';
import { hit } from './search.presenter.js';

type Found = { total: number; hits: SearchHit[] };
const found = <T>(page: Page<T>, toHit: (item: T) => SearchHit): Found => ({
  total: page.total,
  hits: page.items.map(toHit),
});

/** Requirements of every framework the reader sees (an auditor: only their scope), up to `limit` in all. */
async function searchRequirements(ctx: ServiceContext, q: string, limit: number): Promise<Found> {
  const frameworks = await listFrameworks(ctx, { page: 1, pageSize: 200 });
  const pages = await Promise.all(
    frameworks.items.map(async (f) => ({
      framework: f,
      page: await listRequirements(ctx, f.id, { q, page: 1, pageSize: limit }),
    })),
  );
  const hits = pages.flatMap(({ framework, page }) =>
    page.items
      .filter((r) => r.kind === 'requirement')
      .map((r) => hit(r.id, r.ref, `${r.title} (${framework.name})`, `/requirements/${r.id}`)),
  );
  return { total: pages.reduce((n, p) => n + p.page.total, 0), hits: hits.slice(0, limit) };
}

/** Each kind is searched through its own module's list, so that module's row scoping applies unchanged. */
const searchers: Record<SearchKind, (ctx: ServiceContext, q: string, limit: number) => Promise<Found>> = {
  control: async (ctx, q, limit) =>
    found(await listControls(ctx, { q, page: 1, pageSize: limit }), (c) =>
      hit(c.id, c.ref, c.title, `/controls/${c.id}`),
    ),
  requirement: searchRequirements,
  risk: async (ctx, q, limit) =>
    found(await listRisks(ctx, { q, page: 1, pageSize: limit }), (r) =>
      hit(r.id, r.ref, r.title, `/risks/${r.id}`),
    ),
  policy: async (ctx, q, limit) =>
    found(await listPolicies(ctx, { q, page: 1, pageSize: limit }), (p) =>
      hit(p.id, null, p.title, `/policies/${p.id}`),
    ),
  evidence: async (ctx, q, limit) =>
    found(await listEvidence(ctx, { q, page: 1, pageSize: limit }), (e) =>
      hit(e.id, null, e.title, `/evidence?q=${encodeURIComponent(e.title)}`),
    ),
  faq: async (ctx, q, limit) =>
    found(await searchFaqEntries(ctx, q, limit), (e) => hit(e.id, null, e.question, '/trust-center')),
  audit: async (ctx, q, limit) =>
    found(await searchAudits(ctx, q, limit), (a) => hit(a.id, null, a.title, `/audits/${a.id}`)),
  person: async (ctx, q, limit) =>
    found(await searchPeople(ctx, q, limit), (u) => hit(u.id, null, `${u.name} <${u.email}>`, '/users')),
};

/** Searches every kind the reader may read by reference and name, at most `limit` hits per kind. */
export async function search(ctx: ServiceContext, query: SearchQuery): Promise<SearchResult> {
  const kinds = searchKinds.filter((k) => ctx.actor.permissions.has(kindPermissions[k]));
  const groups: SearchGroup[] = [];
  for (const kind of kinds) {
    const { total, hits } = await searchers[kind](ctx, query.q, query.limit);
    if (total > 0) groups.push({ kind, total, hits });
  }
  return { q: query.q, groups };
}
