import { renderAtomFeed } from '../../../formats/atom.js';
import type { ServiceContext } from '../../kernel/context.js';
import { type ChangelogEntry, listChangelog } from './changelog.service.js';
import { escapeHtml as e, type RenderedPage, renderPage } from './public-html.js';
import { subscribeForm } from './public-pages.js';
import { getSettings } from './settings.service.js';

const day = (d: Date) => d.toISOString().slice(0, 10);
const kindLabels: Record<ChangelogEntry['kind'], string> = {
  certification: 'Certification',
  subprocessor: 'Sub-processor',
  claim: 'Verified statement',
};

export async function changesData(ctx: ServiceContext) {
  const [settings, entries] = await Promise.all([getSettings(ctx), listChangelog(ctx)]);
  const updatedAt = entries[0]?.happenedAt ?? new Date(settings.updatedAt);
  return { settings, entries, updatedAt, organizationId: ctx.organizationId };
}
type Changes = Awaited<ReturnType<typeof changesData>>;

/** The public changelog, newest first, grouped by day, with its Atom feed and the e-mail subscription. */
export function changesPage(d: Changes, base: string): RenderedPage {
  const days = new Map<string, ChangelogEntry[]>();
  for (const entry of d.entries)
    days.set(day(entry.happenedAt), [...(days.get(day(entry.happenedAt)) ?? []), entry]);
  const list = [...days]
    .map(
      ([date, entries]) =>
        `<h2><time datetime="${date}">${date}</time></h2><ul>${entries
          .map((x) => `<li><span class="badge">${kindLabels[x.kind]}</span> ${e(x.title)}</li>`)
          .join('')}</ul>`,
    )
    .join('\n');
  const body = `<h1>Changes</h1>
<p>Every change to our certifications, sub-processors and verified statements, as it was recorded. Follow it with the <a href="${base}/changes.atom">Atom feed</a> or by e-mail.</p>
${list || '<p>No changes are recorded yet.</p>'}
<section aria-labelledby="subscribe"><h2 id="subscribe">Be told about changes</h2>${subscribeForm}</section>`;
  return renderPage({
    lang: 'en',
    siteTitle: d.settings.title,
    logoText: d.settings.logoText || d.settings.title,
    accent: d.settings.accentColor,
    title: 'Changes',
    current: 'changes',
    base,
    body,
    updated: day(d.updatedAt),
  });
}

export function changesAtom(d: Changes, publicUrl: string, base: string): string {
  const site = `${publicUrl}${base}`;
  return renderAtomFeed({
    id: `urn:uuid:${d.organizationId}`,
    title: `${d.settings.title}: changes`,
    updated: d.updatedAt.toISOString(),
    selfUrl: `${site}/changes.atom`,
    siteUrl: `${site}/changes`,
    author: d.settings.logoText || d.settings.title,
    entries: d.entries.map((x) => ({
      id: `urn:uuid:${x.id}`,
      title: `${kindLabels[x.kind]}: ${x.title}`,
      updated: x.happenedAt.toISOString(),
      link: `${site}/changes`,
      content: x.title,
    })),
  });
}
