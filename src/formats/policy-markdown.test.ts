import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderPolicyMarkdown } from './policy-markdown.js';

test("a document's headings move below the page's own, and raw HTML stays escaped", () => {
  const html = renderPolicyMarkdown('# Plan\n\n## Scope\n\n###### Deep\n\n<h1>raw</h1>\n');
  assert.match(html, /<h3>Plan<\/h3>/);
  assert.match(html, /<h4>Scope<\/h4>/);
  assert.match(html, /<h6>Deep<\/h6>/);
  assert.doesNotMatch(html, /<h1>/);
  assert.match(html, /&lt;h1&gt;raw&lt;\/h1&gt;/);
});
