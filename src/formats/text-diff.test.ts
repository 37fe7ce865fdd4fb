import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffText } from './text-diff.js';

test('a changed line is one removal and one addition in a hunk with context', () => {
  const before = ['# Policy', '', 'Keys rotate yearly.', '', 'Owner: CISO', ''].join('\n');
  const after = ['# Policy', '', 'Keys rotate every 90 days.', '', 'Owner: CISO', ''].join('\n');
  const diff = diffText(before, after);
  assert.equal(diff.added, 1);
  assert.equal(diff.removed, 1);
  assert.equal(diff.hunks.length, 1);
  assert.deepEqual(
    diff.hunks[0]?.lines.filter((l) => l.kind !== 'context'),
    [
      { kind: 'removed', text: 'Keys rotate yearly.' },
      { kind: 'added', text: 'Keys rotate every 90 days.' },
    ],
  );
  assert.ok(diff.hunks[0]?.lines.some((l) => l.kind === 'context' && l.text === '# Policy'));
});

test('identical texts have no hunks; a missing final newline is not reported as a line', () => {
  assert.deepEqual(diffText('a\nb\n', 'a\nb\n'), { added: 0, removed: 0, hunks: [] });
  const diff = diffText('a', 'a\nb');
  assert.equal(diff.added, 2);
  assert.equal(diff.removed, 1);
  assert.ok(diff.hunks.every((h) => h.lines.every((l) => !l.text.includes('No newline'))));
});
