import { renderAtomFeed } from '../../../formats/atom.js';
import { escapeHtml } from '../trust-center/index.js';
import type { PublicStatus } from './public-status.service.js';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem}.banner{padding:.8rem 1rem;border-radius:.4rem;background:#e6f4ea}
.banner.minor{background:#fff4e5}.banner.major{background:#fde7e9}table{border-collapse:collapse;width:100%;margin:1rem 0}
td,th{border-bottom:1px solid #ddd;padding:.35rem;text-align:left;font-size:.9rem}.down{color:#b00020}
article{border-left:3px solid #888;padding-left:1rem;margin:1rem 0}`;

export const statusPageCsp =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const label = (s: string) => s.replace(/_/g, ' ');

/** The public status page: current status per service and location, incidents, maintenance and 12 months of SLA. */
export function renderStatusPage(s: PublicStatus): string {
  const e = escapeHtml;
  const groups = s.components.filter((c) => c.group);
  const rows = groups
    .map((g) => {
      const children = s.components.filter((c) => c.group_id === g.id);
      return `<tr><th>${e(g.name)}</th>${children
        .map((c) => `<td class="${c.status === 'operational' ? '' : 'down'}">${e(label(c.status))}</td>`)
        .join('')}</tr>`;
    })
    .join('');
  const months = [...new Set(s.availability.map((a) => a.month))];
  const sla = groups
    .map((g) => {
      const cells = months.map((m) => {
        const here = s.availability.filter((a) => a.serviceId === g.id && a.month === m);
        const worst = Math.min(...here.map((a) => a.availability));
        const met = here.every((a) => a.met);
        return `<td class="${met ? '' : 'down'}">${worst.toFixed(3)} %</td>`;
      });
      return `<tr><th>${e(g.name)}</th>${cells.join('')}</tr>`;
    })
    .join('');
  const incidents = s.incidents
    .map(
      (i) =>
        `<article id="${e(i.shortlink.split('#')[1] ?? i.id)}"><h3>${e(i.name)} — ${e(i.status)}</h3>${i.incident_updates
          .map((u) => `<p><strong>${e(u.status)}</strong> <time>${e(u.created_at)}</time>: ${e(u.body)}</p>`)
          .join('')}</article>`,
    )
    .join('');
  const maintenance = s.scheduledMaintenances
    .map(
      (m) =>
        `<li>${e(m.name)}: ${e(m.scheduled_for)} – ${e(m.scheduled_until ?? 'until further notice')} (${e(label(m.status))})</li>`,
    )
    .join('');
  const target = s.availability[0]?.target ?? 99.9;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(s.page.name)} status</title><style>${STYLE}</style>
<link rel="alternate" type="application/atom+xml" href="${e(s.page.url)}/history.atom"></head><body>
<h1>${e(s.page.name)} status</h1><p class="banner ${s.status.indicator}">${e(s.status.description)}</p>
<h2>Services</h2><table><thead><tr><th>Service</th>${s.locations.map((l) => `<th>${e(l.code)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
${maintenance ? `<h2>Maintenance</h2><ul>${maintenance}</ul>` : ''}
<h2>Incidents</h2>${incidents || '<p>No incidents reported.</p>'}
<h2>Availability</h2><p>Monthly availability, lowest location per service, computed from recorded outages; SLA target ${target} % per calendar month.</p>
<table><thead><tr><th>Service</th>${months.map((m) => `<th>${e(m)}</th>`).join('')}</tr></thead><tbody>${sla}</tbody></table>
<p><a href="${e(s.page.url)}/api/v2/summary.json">summary.json</a> · <a href="${e(s.page.url)}/history.atom">Atom feed</a></p>
</body></html>`;
}

/** The incident history as an Atom feed (RFC 4287): one entry per public update. */
export function renderAtom(s: PublicStatus): string {
  return renderAtomFeed({
    id: `urn:uuid:${s.page.id}`,
    title: `${s.page.name} status`,
    updated: s.page.updated_at,
    selfUrl: `${s.page.url}/history.atom`,
    siteUrl: s.page.url,
    author: s.page.name,
    entries: s.incidents.flatMap((i) =>
      i.incident_updates.map((u) => ({
        id: `urn:uuid:${u.id}`,
        title: `${i.name} — ${u.status}`,
        updated: u.updated_at,
        link: i.shortlink,
        content: u.body,
      })),
    ),
  });
}
