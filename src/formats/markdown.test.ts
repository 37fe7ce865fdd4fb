import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSafeLink, renderMarkdown } from './markdown.js';

const TAGS = new Set([
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'img', 'code', 'pre', 'em', 'strong'],
  ...['s', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br'],
]);
const ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'rel', 'class', 'style', 'start']);

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** Fails unless every tag and attribute in the HTML is on the allowlist and every URL is http(s), mailto or relative. */
function assertInert(html: string, input: string): void {
  const withoutTags = html.replace(
    /<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/g,
    (_, tag: string, attributes: string) => {
      assert.ok(TAGS.has(tag.toLowerCase()), `tag <${tag}> from ${JSON.stringify(input)}: ${html}`);
      for (const [, name = '', value = ''] of attributes.matchAll(/\s+([a-z-]+)="([^"]*)"/g)) {
        assert.ok(ATTRIBUTES.has(name), `attribute ${name} from ${JSON.stringify(input)}: ${html}`);
        if (name === 'href' || name === 'src') {
          assert.match(decodeEntities(value), /^(https?:|mailto:|[^:]*$)/i, `${name}=${value} from ${input}`);
        }
        if (name === 'rel') assert.equal(value, 'noopener noreferrer nofollow');
      }
      return '';
    },
  );
  assert.doesNotMatch(withoutTags, /[<>]/, `unescaped markup left from ${JSON.stringify(input)}: ${html}`);
}

const payloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x]( javascript:alert(1) )',
  '[x](<javascript:alert(1)>)',
  '[x](javascript&#58;alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](&#x6A;avascript:alert(1))',
  '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[x](java%73cript:alert(1))',
  '[x](\\javascript:alert(1))',
  '[x](javascript:alert(1) "title")',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](file:///etc/passwd)',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '![x](data:image/svg+xml,<svg onload=alert(1)>)',
  '![x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<vbscript:msgbox(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  '[x][r]\n\n[r]: javascript:alert(1)',
  '[x][r]\n\n[r]: <data:text/html,x>',
  'Click javascript:alert(1) now',
  '[x](http://ok.example/"onmouseover="alert(1))',
  '[x](http://ok.example "a\\" onmouseover=\\"alert(1)")',
  '[<img src=x onerror=alert(1)>](https://ok.example)',
  '```js" onclick="alert(1)\ncode\n```',
  '`<script>alert(1)</script>`',
  '| a |\n|---|\n| <script>alert(1)</script> |',
];

test('hostile input never produces executable HTML', () => {
  for (const payload of payloads) assertInert(renderMarkdown(payload), payload);
});

test('refused link targets are left as text, not turned into links', () => {
  for (const payload of [
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](java%73cript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](vbscript:msgbox(1))',
    '[x](file:///etc/passwd)',
    '<javascript:alert(1)>',
    '[x][r]\n\n[r]: javascript:alert(1)',
  ]) {
    const html = renderMarkdown(payload);
    assert.doesNotMatch(html, /<a\s/, `${payload} → ${html}`);
  }
  assert.doesNotMatch(renderMarkdown('![x](data:image/png;base64,iVBORw0KGgo=)'), /<img/);
  assert.equal(renderMarkdown('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  assert.equal(renderMarkdown('<img src=x onerror=alert(1)>'), '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n');
});

test('http, https, mailto and relative links become links with rel noopener noreferrer nofollow', () => {
  assert.equal(
    renderMarkdown('[Trust center](https://trust.example.se/sv?x=1&y=2)'),
    '<p><a href="https://trust.example.se/sv?x=1&amp;y=2" rel="noopener noreferrer nofollow">Trust center</a></p>\n',
  );
  assert.equal(
    renderMarkdown('Mail <dpo@example.se> or see https://www.example.se.'),
    '<p>Mail <a href="mailto:dpo@example.se" rel="noopener noreferrer nofollow">dpo@example.se</a> or see ' +
      '<a href="https://www.example.se" rel="noopener noreferrer nofollow">https://www.example.se</a>.</p>\n',
  );
  assert.match(
    renderMarkdown('[SLA](/trust/documents/sla#availability)'),
    /<a href="\/trust\/documents\/sla#availability" rel=/,
  );
  assert.match(renderMarkdown('[up](#top)'), /<a href="#top" rel=/);
  assert.match(
    renderMarkdown('![Logo](https://cdn.example.se/logo.png)'),
    /<img src="https:\/\/cdn\.example\.se\/logo\.png" alt="Logo">/,
  );
});

test('ordinary Markdown renders: headings, lists, emphasis, code and tables', () => {
  const html = renderMarkdown(
    [
      '# Informationssäkerhetspolicy',
      '',
      'Gäller **alla** medarbetare och _konsulter_.',
      '',
      '1. Läs policyn',
      '2. Bekräfta',
      '',
      '- STO1',
      '- OSL1',
      '',
      '```ts',
      'const a = 1 < 2;',
      '```',
      '',
      '| Datacenter | Temperatur |',
      '|:--|--:|',
      '| STO1 | +18…+23 °C |',
    ].join('\n'),
  );
  assert.ok(html.includes('<h1>Informationssäkerhetspolicy</h1>'));
  assert.ok(html.includes('<p>Gäller <strong>alla</strong> medarbetare och <em>konsulter</em>.</p>'));
  assert.ok(html.includes('<ol>\n<li>Läs policyn</li>\n<li>Bekräfta</li>\n</ol>'));
  assert.ok(html.includes('<ul>\n<li>STO1</li>\n<li>OSL1</li>\n</ul>'));
  assert.ok(html.includes('<pre><code class="language-ts">const a = 1 &lt; 2;\n</code></pre>'));
  assert.ok(html.includes('<th style="text-align:left">Datacenter</th>'));
  assert.ok(html.includes('<td style="text-align:right">+18…+23 °C</td>'));
  assertInert(html, 'ordinary');
});

test('typographer is off: quotes and dashes are left as written', () => {
  assert.equal(renderMarkdown('"citat" -- (c)'), '<p>&quot;citat&quot; -- (c)</p>\n');
});

test('isSafeLink allows http, https, mailto and relative targets only', () => {
  for (const url of [
    'https://a.example',
    'HTTP://A.EXAMPLE',
    'mailto:x@example.se',
    '/path',
    '#f',
    '?q=1',
    'doc.md',
    '//cdn.example/x',
  ]) {
    assert.equal(isSafeLink(url), true, url);
  }
  for (const url of [
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'data:image/png;base64,AAAA',
    'vbscript:x',
    'file:///etc/passwd',
    'ftp://example.se',
    'tel:+46',
    'java%73cript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\u200bscript:alert(1)',
  ]) {
    assert.equal(isSafeLink(url), false, JSON.stringify(url));
  }
});

test('relative link targets resolve against the website when one is given; others stay', () => {
  const md =
    '[DPA](/documents/dpa.pdf), [guide](docs/guide.html), [list](/trust/subprocessors), [top](#top), [ext](https://x.example/a)';
  const plain = renderMarkdown(md);
  assert.match(plain, /href="\/documents\/dpa\.pdf"/);
  const resolved = renderMarkdown(md, { baseUrl: 'https://www.norrsken.example' });
  assert.match(resolved, /href="https:\/\/www\.norrsken\.example\/documents\/dpa\.pdf"/);
  assert.match(resolved, /href="https:\/\/www\.norrsken\.example\/docs\/guide\.html"/);
  assert.match(resolved, /href="\/trust\/subprocessors"/, "the trust center's own pages stay local");
  assert.match(resolved, /href="#top"/);
  assert.match(resolved, /href="https:\/\/x\.example\/a"/);
  assert.match(
    renderMarkdown('![logo](/img/logo.png)', { baseUrl: 'https://www.norrsken.example/' }),
    /src="https:\/\/www\.norrsken\.example\/img\/logo\.png"/,
  );
  assert.doesNotMatch(renderMarkdown('[x](javascript:alert(1))', { baseUrl: 'https://a.example' }), /href=/);
});
