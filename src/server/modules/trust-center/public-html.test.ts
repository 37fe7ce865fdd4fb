import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { escapeHtml, jsonForScript, renderPage } from './public-html.js';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const shell = {
  lang: 'sv',
  siteTitle: 'Norrsken <trust>',
  logoText: 'Norrsken',
  accent: '#1f5f8b',
  title: 'FAQ',
  current: 'faq' as const,
  base: '/trust',
  body: '<h1>Frågor</h1>',
  updated: '2026-11-22',
};

describe('public trust-center HTML', () => {
  test('JSON inside a script element cannot close it or open a comment', () => {
    const text = jsonForScript({ a: '</script><!-- & \u2028' });
    assert.ok(!/[<>&\u2028]/.test(text));
    assert.deepEqual(JSON.parse(text), { a: '</script><!-- & \u2028' });
  });

  test('the CSP allows exactly the inline style and JSON-LD the page holds, by hash', () => {
    const { html, csp } = renderPage({ ...shell, jsonLd: { '@type': 'FAQPage', name: '</script>' } });
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    assert.ok(csp.includes(`style-src ${sha(style)};`));
    assert.ok(csp.includes(`script-src ${sha(script)};`));
    assert.match(csp, /^default-src 'none';/);
  });

  test('without JSON-LD no script may run; text is escaped; the current page is marked', () => {
    const { html, csp } = renderPage(shell);
    assert.match(csp, /script-src 'none'/);
    assert.ok(!html.includes('<script'));
    assert.ok(html.includes('<title>FAQ · Norrsken &#60;trust&#62;</title>'));
    assert.ok(html.includes('<a href="/trust/faq" aria-current="page">FAQ</a>'));
    assert.ok(html.startsWith('<!doctype html>\n<html lang="sv">'));
    assert.equal(escapeHtml(`"'&`), '&#34;&#39;&#38;');
  });
});
