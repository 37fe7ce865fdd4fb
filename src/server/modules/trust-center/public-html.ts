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
  current: 'overview' | 'faq' | 'subprocessors' | 'documents' | 'changes';
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
  { key: 'changes', label: 'Changes', path: '/changes' },
];

/**
 * The branded look: the accent colour on the header, the mark and (in light mode) links; light or dark as the
 * visitor's system prefers. In dark mode links use a fixed light blue, because the accent is only required to
 * contrast with white. Inline and hashed in the CSP: no external stylesheet, font or script.
 */
function styles(accent: string): string {
  return `:root{color-scheme:light dark;--bg:#fff;--fg:#1a1a1a;--muted:#4a4a4a;--card:#f6f7f9;--line:#d0d4da;--link:${accent};--ok:#1b6e36;--ok-bg:#e3f4e8;--warn:#8a4b00;--warn-bg:#fff1dc}
@media (prefers-color-scheme:dark){:root{--bg:#14161a;--fg:#e8eaed;--muted:#b4b9c1;--card:#1e2127;--line:#3a3f47;--link:#9cc8ff;--ok:#8fe0a7;--ok-bg:#173422;--warn:#ffc980;--warn-bg:#3a2a12}}
body{font-family:system-ui,sans-serif;margin:0;color:var(--fg);background:var(--bg);line-height:1.55}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
header{border-bottom:4px solid ${accent}}a{color:var(--link)}
.brand{display:flex;align-items:center;gap:.6rem;font-size:1.25rem;font-weight:700;margin:.25rem 0}
.mark{display:inline-grid;place-items:center;width:2.2rem;height:2.2rem;border-radius:.5rem;background:${accent};color:#fff}
nav ul{list-style:none;padding:0;margin:.5rem 0 0;display:flex;gap:.5rem 1.5rem;flex-wrap:wrap}
[aria-current=page]{font-weight:700}
main section{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:.25rem 1.25rem 1rem;margin:1.25rem 0}
h2{font-size:1.3rem}h3{font-size:1.05rem;margin:1rem 0 .25rem}
section ul{padding-left:0;list-style:none}section li{margin:.4rem 0}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:.05rem .55rem;border-radius:999px;background:var(--ok-bg);color:var(--ok)}
.badge.under-review,[data-holds=false] .badge{background:var(--warn-bg);color:var(--warn)}
small{color:var(--muted)}
table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid var(--line);padding:.4rem;overflow-wrap:anywhere}
.status{font-weight:700}footer{color:var(--muted);border-top:1px solid var(--line)}`;
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
<p class="brand"><span class="mark" aria-hidden="true">${escapeHtml(Array.from(p.logoText.trim())[0]?.toUpperCase() ?? '')}</span>${escapeHtml(p.logoText)}</p>
<nav aria-label="Trust center"><ul>${nav}<li><a href="/status">Status</a></li><li><a href="/.well-known/security.txt">security.txt</a></li></ul></nav>
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
