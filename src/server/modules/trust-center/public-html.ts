import { createHash } from 'node:crypto';

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside <script>: no `<`, `>` or `&` can end the element or open a comment, whatever the data holds. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface PageShell {
  lang: string;
  siteTitle: string;
  logoText: string;
  accent: string;
  title: string;
  current: 'overview' | 'faq' | 'subprocessors' | 'documents';
  /** Where the pages live: `/trust` or `` on the custom domain. */
  base: string;
  body: string;
  updated: string;
  jsonLd?: unknown;
}

const NAV: { key: PageShell['current']; label: string; path: string }[] = [
  { key: 'overview', label: 'Overview', path: '' },
  { key: 'faq', label: 'FAQ', path: '/faq' },
  { key: 'subprocessors', label: 'Sub-processors', path: '/subprocessors' },
  { key: 'documents', label: 'Documents', path: '/documents' },
];

function styles(accent: string): string {
  return `body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
header{border-bottom:4px solid ${accent}}a{color:${accent}}
nav ul{list-style:none;padding:0;display:flex;gap:1.5rem;flex-wrap:wrap}
[aria-current=page]{font-weight:700}
table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #ccc;padding:.4rem}
.status{font-weight:700}footer{color:#4a4a4a;border-top:1px solid #ccc}`;
}

export interface RenderedPage {
  html: string;
  csp: string;
}

export function renderPage(p: PageShell): RenderedPage {
  const css = styles(p.accent);
  const jsonLd = p.jsonLd === undefined ? undefined : jsonForScript(p.jsonLd);
  const nav = NAV.map(
    (n) =>
      `<li><a href="${p.base}${n.path || '/'}"${n.key === p.current ? ' aria-current="page"' : ''}>${n.label}</a></li>`,
  ).join('');
  const html = `<!doctype html>
<html lang="${escapeHtml(p.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)} · ${escapeHtml(p.siteTitle)}</title>
<style>${css}</style>
${jsonLd === undefined ? '' : `<script type="application/ld+json">${jsonLd}</script>\n`}</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<p><strong>${escapeHtml(p.logoText)}</strong></p>
<nav aria-label="Trust center"><ul>${nav}<li><a href="/.well-known/security.txt">security.txt</a></li></ul></nav>
</header>
<main id="main">
${p.body}
</main>
<footer><p>Last updated <time datetime="${p.updated}">${p.updated}</time>.</p></footer>
</body>
</html>
`;
  const scriptSrc = jsonLd === undefined ? "'none'" : cspHash(jsonLd);
  const csp = `default-src 'none'; style-src ${cspHash(css)}; script-src ${scriptSrc}; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;
  return { html, csp };
}
