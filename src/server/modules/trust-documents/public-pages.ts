import { accessLevelLabels, documentKindLabels } from '../../../contracts/trust-documents.js';
import { escapeHtml as e, type getSettings, type RenderedPage, renderPage } from '../trust-center/index.js';
import type { DocumentRow } from './trust-documents.presenter.js';

type Settings = Awaited<ReturnType<typeof getSettings>>;

export const BASE = '/trust/documents';

function page(s: Settings, title: string, body: string): RenderedPage {
  return renderPage({
    lang: 'en',
    siteTitle: s.title,
    logoText: s.logoText || s.title,
    accent: s.accentColor,
    title,
    current: 'documents',
    base: '/trust',
    body,
    updated: new Date(s.updatedAt).toISOString().slice(0, 10),
  });
}

const section = (id: string, title: string, content: string) =>
  `<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>\n${content}</section>\n`;

function describe(d: DocumentRow): string {
  const version = d.version_label ? ` <span>(version ${e(d.version_label)})</span>` : '';
  const kind = documentKindLabels[d.kind] ?? d.kind;
  return `<strong>${e(d.title)}</strong>${version}<br><small>${e(kind)}. ${e(d.description)}</small>`;
}

const downloadLink = (d: DocumentRow) =>
  `<a href="${BASE}/${d.id}/download" download>Download ${e(d.title)}</a>`;

function requestForm(docs: DocumentRow[]): string {
  if (docs.length === 0) return '<p>No documents are available on request.</p>';
  const boxes = docs
    .map(
      (d) =>
        `<li><input type="checkbox" name="documentId" value="${d.id}" id="doc-${d.id}"> <label for="doc-${d.id}">${e(d.title)} (${accessLevelLabels[d.access_level]})</label></li>`,
    )
    .join('');
  const field = (name: string, label: string, type = 'text', auto = '') =>
    `<p><label for="request-${name}">${label}</label><br><input id="request-${name}" name="${name}" type="${type}" required maxlength="200"${auto ? ` autocomplete="${auto}"` : ''}></p>`;
  return `<form method="post" action="${BASE}/requests">
<fieldset><legend>Documents you need</legend><ul>${boxes}</ul></fieldset>
${field('name', 'Your name', 'text', 'name')}${field('email', 'Work e-mail', 'email', 'email')}${field('company', 'Company', 'text', 'organization')}
<p><label for="request-reason">Why you need them</label><br><textarea id="request-reason" name="reason" required maxlength="2000" rows="3" cols="60"></textarea></p>
<p><button type="submit">Request access</button></p>
</form>`;
}

/** The public documents page: public documents to download, the rest to request, and a sign-in link form. */
export function documentsPage(s: Settings, docs: DocumentRow[]): RenderedPage {
  const rows = docs
    .map(
      (d) =>
        `<tr><td>${describe(d)}</td><td>${accessLevelLabels[d.access_level]}</td><td>${d.access_level === 'public' ? downloadLink(d) : '<a href="#request">Request access</a>'}</td></tr>`,
    )
    .join('');
  const table = docs.length
    ? `<table><caption>Documents</caption><thead><tr><th scope="col">Document</th><th scope="col">Access</th><th scope="col">Get it</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No documents are published yet.</p>';
  const requestable = docs.filter((d) => d.access_level !== 'public');
  const signIn = `<form method="post" action="${BASE}/sign-in-links"><label for="link-email">E-mail you were given access with</label> <input id="link-email" name="email" type="email" required autocomplete="email"> <button type="submit">E-mail me a sign-in link</button></form>`;
  const body = [
    '<h1>Documents</h1>',
    '<p>Some documents are public. Others we share on request; for some we ask you to accept a non-disclosure agreement first. Every copy you download carries your name, e-mail and the time.</p>',
    table,
    section('request', 'Request access', requestForm(requestable)),
    section('sign-in', 'Already given access?', signIn),
  ].join('\n');
  return page(s, 'Documents', body);
}

export function messagePage(s: Settings, heading: string, html: string): RenderedPage {
  return page(
    s,
    heading,
    `<h1>${e(heading)}</h1>\n${html}\n<p><a href="${BASE}">Back to the documents</a></p>`,
  );
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => `<p>${e(p.trim()).replaceAll('\n', '<br>')}</p>`)
    .join('\n');

/** The NDA click-through: the text of the current version, a typed name and an explicit acceptance. */
export function ndaPage(s: Settings, token: string, text: string, version: number): RenderedPage {
  const body = `<h1>Non-disclosure agreement</h1>
<p>Some of the documents you asked for are shared under this agreement (version ${version}). Read it, type your name and accept.</p>
<section aria-labelledby="nda-text"><h2 id="nda-text">Agreement, version ${version}</h2>${paragraphs(text)}</section>
<form method="post" action="${BASE}/nda">
<input type="hidden" name="token" value="${e(token)}">
<p><label for="nda-name">Your full name</label><br><input id="nda-name" name="name" required maxlength="200" autocomplete="name"></p>
<p><input type="checkbox" id="nda-accept" name="accept" value="yes" required> <label for="nda-accept">I accept this non-disclosure agreement on behalf of my company</label></p>
<p><button type="submit">Accept the NDA</button></p>
</form>`;
  return page(s, 'Non-disclosure agreement', body);
}

/** Opening a sign-in link shows a button, so a mail scanner following the link does not use it up. */
export function signInPage(s: Settings, token: string): RenderedPage {
  const body = `<h1>Sign in to your documents</h1>
<form method="post" action="${BASE}/sign-in"><input type="hidden" name="token" value="${e(token)}"><button type="submit">Show my documents</button></form>`;
  return page(s, 'Sign in', body);
}

export function accessPage(
  s: Settings,
  v: { name: string; email: string; expiresAt: string; documents: DocumentRow[] },
): RenderedPage {
  const items = v.documents.length
    ? `<ul>${v.documents.map((d) => `<li>${describe(d)}<br>${downloadLink(d)}</li>`).join('')}</ul>`
    : '<p>None of your documents is published right now.</p>';
  const body = `<h1>Your documents</h1>
<p>Signed in as ${e(v.name)} &lt;${e(v.email)}&gt;. Your access lasts until ${e(v.expiresAt.slice(0, 10))}. Downloads are marked with your name, e-mail and the time.</p>
${items}`;
  return page(s, 'Your documents', body);
}
