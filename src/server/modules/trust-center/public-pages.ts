import { renderMarkdown } from '../../../formats/markdown.js';
import { countryRules } from '../organization/index.js';
import { groupBySection } from './faq-hugo.service.js';
import type { faqData, subprocessorData } from './public.service.js';
import { escapeHtml as e, type RenderedPage, renderPage } from './public-html.js';

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

/** The transfer column as the country rule decides it, whatever mechanism was recorded. */
function transferCell(country: string, mechanism: string): string {
  if (!countryRules.isThirdCountry(country)) return 'None (within the EU/EEA)';
  if (mechanism === 'none-eea') return 'Outside the EU/EEA: no transfer mechanism recorded';
  if (mechanism === 'adequacy')
    return `Adequacy decision: ${countryRules.adequacyDecision(country) ?? 'none exists for this country'}`;
  return transferLabels[mechanism] ?? mechanism;
}

const transferLabels: Record<string, string> = {
  scc: 'Standard contractual clauses',
  bcr: 'Binding corporate rules',
  other: 'Other safeguard',
};

function section(id: string, title: string, content: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>\n${content}</section>\n`;
}

/**
 * The e-mail subscription to trust-center changes. It posts to `/trust/…` on every host: the form's route is not
 * one of the pages a custom domain serves at its root.
 */
export const subscribeForm = `<form method="post" action="/trust/subprocessors/subscribe"><label for="subscribe-email">Your e-mail address</label> <input id="subscribe-email" name="email" type="email" required autocomplete="email"> <button type="submit">Subscribe to changes</button></form>`;

type Faq = Awaited<ReturnType<typeof faqData>>;

export function faqPage(d: Faq, base: string): RenderedPage {
  const s = d.settings;
  const groups = groupBySection(d.entries);
  // Answers imported from the organisation's website link relative to it (`/documents/x.pdf`).
  const answerHtml = (answer: string) => renderMarkdown(answer, { baseUrl: s.siteUrl });
  const langLinks =
    d.languages.length > 1
      ? `<nav aria-label="Languages"><ul>${d.languages.map((l) => `<li><a href="${base}/faq?lang=${e(l)}" lang="${e(l)}"${l === d.language ? ' aria-current="page"' : ''}>${e(l)}</a></li>`).join('')}</ul></nav>`
      : '';
  const sections = groups
    .map((g, i) =>
      section(
        `faq-section-${i + 1}`,
        e(g.title),
        g.entries.map((x) => `<h3>${e(x.question)}</h3>\n${answerHtml(x.answer)}`).join('\n'),
      ),
    )
    .join('\n');
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    inLanguage: d.language,
    mainEntity: d.entries.map((x) => ({
      '@type': 'Question',
      name: x.question,
      acceptedAnswer: { '@type': 'Answer', text: answerHtml(x.answer).trim() },
    })),
  };
  const body = `<h1>Frequently asked questions</h1>\n${langLinks}\n${sections || '<p>No questions are published yet.</p>'}`;
  return renderPage({
    lang: d.language,
    siteTitle: s.title,
    logoText: s.logoText || s.title,
    accent: s.accentColor,
    title: 'FAQ',
    current: 'faq',
    base,
    body,
    updated: day(d.updatedAt),
    jsonLd,
  });
}

type Subs = Awaited<ReturnType<typeof subprocessorData>>;

export function subprocessorPage(d: Subs, base: string): RenderedPage {
  const s = d.settings;
  const rows = d.rows
    .map(
      (r) =>
        `<tr><td>${e(r.name)}</td><td>${e(r.purpose)}</td><td>${e(countryRules.name(r.country))} (${e(r.country)})</td><td>${e(transferCell(r.country, r.transfer_mechanism))}</td><td>${r.status === 'planned' ? `Planned from ${e(r.effective_on ?? '')}` : 'Active'}</td></tr>`,
    )
    .join('');
  const table = d.rows.length
    ? `<table><caption>Sub-processors that process customer personal data</caption><thead><tr><th scope="col">Name</th><th scope="col">Purpose</th><th scope="col">Country</th><th scope="col">Transfer mechanism</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>We use no sub-processors.</p>';
  const body = `<h1>Sub-processors</h1>\n<p>We tell subscribed customers about an intended change before it takes effect, so that they can object (GDPR Art. 28(2)).</p>\n${table}\n${section('subscribe', 'Be told about changes', subscribeForm)}`;
  return renderPage({
    lang: 'en',
    siteTitle: s.title,
    logoText: s.logoText || s.title,
    accent: s.accentColor,
    title: 'Sub-processors',
    current: 'subprocessors',
    base,
    body,
    updated: day(d.updatedAt),
  });
}

/** RFC 9116: Contact and Expires are required; Expires is at most a year ahead and regenerated per request. */
export function securityTxt(contact: string, publicUrl: string, now: Date): string {
  const expires = new Date(now.getTime() + 180 * 24 * 3600 * 1000);
  expires.setUTCMilliseconds(0);
  return [
    `Contact: mailto:${contact}`,
    `Expires: ${expires.toISOString().replace('.000Z', 'Z')}`,
    'Preferred-Languages: en, sv, no',
    `Canonical: ${publicUrl}/.well-known/security.txt`,
    `Policy: ${publicUrl}/trust`,
    '',
  ].join('\n');
}

/** A short page for the outcome of a public action (subscribing, confirming, objecting). */
export function messagePage(
  settings: Subs['settings'],
  base: string,
  heading: string,
  html: string,
): RenderedPage {
  const s = settings;
  return renderPage({
    lang: 'en',
    siteTitle: s.title,
    logoText: s.logoText || s.title,
    accent: s.accentColor,
    title: heading,
    current: 'subprocessors',
    base,
    body: `<h1>${e(heading)}</h1>\n${html}`,
    updated: day(s.updatedAt),
  });
}
