import MarkdownIt from 'markdown-it';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** Browsers drop these from URLs before reading the scheme, so `java\tscript:` would still run. */
const STRIPPED_BY_BROWSERS = /[\p{Cc}\p{Cf} ]/u;

/**
 * Whether a link or image target may be rendered: http, https and mailto, or a relative reference (path,
 * `?query`, `#fragment`), which resolves against our own origin and so cannot carry a scheme of its own.
 * markdown-it's default only refuses javascript:, vbscript:, file: and most data: URLs; this allows instead.
 */
export function isSafeLink(url: string): boolean {
  const candidate = url.trim();
  if (STRIPPED_BY_BROWSERS.test(candidate)) return false;
  const scheme = SCHEME.exec(candidate)?.[1];
  if (scheme !== undefined) return ALLOWED_SCHEMES.has(scheme.toLowerCase());
  // A colon before the first / ? or # is a scheme to some URL parser even if not to SCHEME above.
  const firstSegment = candidate.split(/[/?#]/, 1)[0] ?? '';
  return !firstSegment.includes(':');
}

const markdown = new MarkdownIt('default', {
  html: false,
  linkify: true,
  typographer: false,
});
// markdown-it calls this for links, images, autolinks, linkified text and reference definitions alike,
// with the URL already entity-decoded and percent-encoded; a refused target stays plain text.
markdown.validateLink = isSafeLink;

/** The render environment carries the base URL; markdown-it types it loosely, so it is read with care. */
const baseOf = (env: unknown): string | null => {
  const base = (env as { baseUrl?: unknown } | undefined)?.baseUrl;
  return typeof base === 'string' ? base : null;
};

/** Links into the trust center's own pages stay on the host that serves them. */
const OWN_PAGES = /^\/trust(?:[/?#]|$)/;

/**
 * A relative target (`/documents/x.pdf`, `docs/a.html`) resolved against the base URL, when one is given;
 * absolute URLs, fragments and links to the trust center's own pages are left as they are.
 */
export function resolveAgainst(url: string, baseUrl: string | null): string {
  if (!baseUrl || SCHEME.test(url) || /^(#|\?|\/\/)/.test(url) || OWN_PAGES.test(url)) return url;
  try {
    return new URL(url, `${baseUrl.replace(/\/+$/, '')}/`).href;
  } catch {
    return url;
  }
}

const REL = 'noopener noreferrer nofollow';
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index];
  token?.attrSet('rel', REL);
  const href = token?.attrGet('href');
  if (token && href) token.attrSet('href', resolveAgainst(String(href), baseOf(env)));
  return self.renderToken(tokens, index, options);
};
const renderImage = markdown.renderer.rules.image;
markdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index];
  const src = token?.attrGet('src');
  if (token && src) token.attrSet('src', resolveAgainst(String(src), baseOf(env)));
  return renderImage
    ? renderImage(tokens, index, options, env, self)
    : self.renderToken(tokens, index, options);
};

/**
 * HTML for Markdown written by users (policies, trust-center pages, control statements). Raw HTML in the
 * input is escaped, never passed through, and only the link targets `isSafeLink` allows become links. With
 * `baseUrl` (the organisation's website), relative link and image targets point there.
 */
export function renderMarkdown(text: string, { baseUrl = null }: { baseUrl?: string | null } = {}): string {
  return markdown.render(text, { baseUrl });
}
