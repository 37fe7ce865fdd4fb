import type { Claim } from '../../../contracts/claims.js';
import type { PublicControl } from '../../../contracts/public-controls.js';
import { renderMarkdown } from '../../../formats/markdown.js';
import { countryRules } from '../organization/index.js';
import type { overviewData } from './public.service.js';
import { escapeHtml as e, type RenderedPage, renderPage } from './public-html.js';
import { drLines, locationsInUse } from './public-placement.js';

type Overview = Awaited<ReturnType<typeof overviewData>>;

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

function section(id: string, title: string, content: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>\n${content}</section>\n`;
}

/**
 * What the public may read of a claim: its statement while it holds, the true state when it fails and one is
 * known, nothing otherwise (the claim is withheld and staff see why).
 */
export function publicText(c: Claim): string | null {
  if (c.holds) return c.statement;
  return c.trueState;
}

function claimItem(c: Claim): string {
  const text = publicText(c);
  if (text === null) return '';
  const checked = `checked ${day(c.lastVerifiedAt)}${c.evidenceDate ? `; evidence of ${day(c.evidenceDate)}` : ''}`;
  return `<li class="claim" data-claim="${e(c.key)}" data-holds="${c.holds}"><span class="badge">${c.holds ? 'Verified' : 'Actual state'}</span> ${e(text)} <small>(${checked})</small></li>`;
}

const stateLabels: Record<PublicControl['state'], string> = {
  monitored: 'Monitored, passing',
  evidenced: 'Evidence current',
  'under-review': 'Under review',
};

/** A chosen control as the public reads it: its health now, dated; never why it is under review. */
function controlItem(c: PublicControl): string {
  const dates = [
    c.checkedAt ? `checked ${day(c.checkedAt)}` : '',
    c.evidenceDate ? `evidence of ${day(c.evidenceDate)}` : '',
  ].filter(Boolean);
  return `<li data-control-state="${c.state}"><span class="badge ${c.state}">${stateLabels[c.state]}</span> ${e(c.publicTitle ?? (c.title || c.ref))}${dates.length ? ` <small>(${dates.join('; ')})</small>` : ''}</li>`;
}

/** The chosen controls grouped by the staff's domains, in the order chosen. */
export function controlsHtml(controls: PublicControl[]): string {
  if (controls.length === 0) return '<p>No controls are shown publicly yet.</p>';
  const domains = new Map<string, PublicControl[]>();
  for (const c of controls) domains.set(c.domain, [...(domains.get(c.domain) ?? []), c]);
  const groups = [...domains].map(
    ([domain, list]) => `<h3>${e(domain)}</h3><ul class="controls">${list.map(controlItem).join('')}</ul>`,
  );
  return `<p>Each control's state is computed from its automated checks and evidence when this page is shown.</p>${groups.join('')}`;
}

/** schema.org JSON-LD of the overview: the organisation, its valid certifications and the claims that hold. */
export function overviewJsonLd(d: Overview, title: string) {
  const holding = d.claims.filter((c) => c.holds);
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name: title,
    about: {
      '@type': 'Organization',
      name: d.organization.name,
      hasCredential: holding
        .filter((c) => c.kind === 'certification')
        .map((c) => ({ '@type': 'EducationalOccupationalCredential', name: c.statement })),
    },
    mainEntity: {
      '@type': 'ItemList',
      name: 'Verified claims',
      itemListElement: holding
        .filter((c) => c.kind !== 'certification')
        .map((c, i) => ({
          '@type': 'ListItem',
          position: i + 1,
          identifier: c.key,
          name: c.statement,
          dateModified: day(c.lastVerifiedAt),
        })),
    },
  };
}

export function overviewPage(d: Overview, base: string): RenderedPage {
  const s = d.settings;
  const certClaims = d.claims.filter((c) => c.kind === 'certification');
  const certs = certClaims.map(claimItem).filter(Boolean);
  const other = d.claims.filter((c) => c.kind !== 'certification' && c.kind !== 'sla-target');
  const claimItems = other.map(claimItem).filter(Boolean);
  const sla = d.claims.find((c) => c.kind === 'sla-target');
  const slaText = sla ? publicText(sla) : null;
  const sites = locationsInUse(d.placement);
  const sitesHtml = sites.length
    ? `<table><caption>Where our services run and store customer data</caption><thead><tr><th scope="col">Data centre</th><th scope="col">City</th><th scope="col">Country</th><th scope="col">Services storing data</th></tr></thead><tbody>${sites
        .map(
          (l) =>
            `<tr><td>${e(l.code)} ${e(l.name)}</td><td>${e(l.city)}</td><td>${e(countryRules.name(l.country))}</td><td>${e(l.services.join(', ') || '—')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No service records where it runs yet.</p>';
  const dr = drLines(d.placement);
  const drHtml = dr.length
    ? `<ul>${dr.map((x) => `<li><strong>${e(x.service)}</strong>: ${e(x.line)}</li>`).join('')}</ul>`
    : '<p>No disaster-recovery pairings are offered.</p>';
  const contact = d.organization.security_contact_email
    ? `<p>Report a security issue to <a href="mailto:${e(d.organization.security_contact_email)}">${e(d.organization.security_contact_email)}</a> (see also <a href="/.well-known/security.txt">security.txt</a>).</p>`
    : '<p>See <a href="/.well-known/security.txt">security.txt</a>.</p>';
  const body = [
    `<h1>${e(s.title)}</h1>`,
    s.intro ? renderMarkdown(s.intro) : '',
    section(
      'certifications',
      'Certifications',
      certs.length ? `<ul>${certs.join('')}</ul>` : '<p>No certifications are listed yet.</p>',
    ),
    section(
      'claims',
      'What we state, checked against our records',
      claimItems.length
        ? `<ul>${claimItems.join('')}</ul>`
        : '<p>No checked statements are published yet.</p>',
    ),
    section('controls', 'Security controls, live', controlsHtml(d.controls)),
    section(
      'frameworks',
      'Frameworks we work to',
      d.frameworks.length
        ? `<ul>${d.frameworks.map((f) => `<li>${e(f.name)}</li>`).join('')}</ul>`
        : '<p>None listed.</p>',
    ),
    section('data-centres', 'Data centres', sitesHtml),
    section('availability', 'Availability (SLA)', slaText ? `<p>${e(slaText)}</p>` : '<p>Not stated.</p>'),
    section('disaster-recovery', 'Disaster recovery', drHtml),
    section('security-contact', 'Security contact', contact),
  ].join('\n');
  return renderPage({
    lang: 'en',
    siteTitle: s.title,
    logoText: s.logoText || s.title,
    accent: s.accentColor,
    title: 'Overview',
    current: 'overview',
    base,
    body,
    updated: day(d.updatedAt),
    jsonLd: overviewJsonLd(d, s.title),
  });
}
