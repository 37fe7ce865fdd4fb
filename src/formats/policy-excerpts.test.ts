import assert from 'node:assert/strict';
import { test } from 'node:test';
import { policyExcerpts } from './policy-excerpts.js';

test('paragraphs are taken with the heading above them; lists, tables and code are handled', () => {
  const md = [
    '# Information security policy',
    '',
    'Norrsken Cloud runs compute and storage in the Nordics.',
    '',
    '## Commitments',
    '',
    '1. **Customer data stays in the EU.** It is processed in STO1, STO2 and OSL1.',
    '2. **Encryption.** Disks are encrypted at rest.',
    '',
    '| a | b |',
    '|---|---|',
    '```',
    'code that is not an answer',
    '```',
    '## Short',
    'tiny',
  ].join('\n');
  assert.deepEqual(policyExcerpts(md, 'Policy'), [
    {
      heading: 'Information security policy',
      text: 'Norrsken Cloud runs compute and storage in the Nordics.',
    },
    {
      heading: 'Commitments',
      text: 'Customer data stays in the EU. It is processed in STO1, STO2 and OSL1. Encryption. Disks are encrypted at rest.',
    },
  ]);
});

test('text before any heading stands under the document title', () => {
  assert.deepEqual(policyExcerpts('Backups are restore-tested every quarter.', 'Backup policy'), [
    { heading: 'Backup policy', text: 'Backups are restore-tested every quarter.' },
  ]);
});
