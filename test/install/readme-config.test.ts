import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { configVariables } from '../../src/server/kernel/config/config.js';
import { repoRoot } from '../support/cli.js';

test("the README's configuration table lists every setting Tillit reads, and no other", () => {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('## Configuration (environment variables)');
  assert.ok(start >= 0, 'the README has a configuration section');
  const lines = readme.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > first && !line.startsWith('|'));
  const table = lines.slice(first + 2, end);
  const listed = table.flatMap((line) =>
    [...(line.split('|')[1] ?? '').matchAll(/`([A-Z_0-9]+)`/g)].map((m) => m[1]),
  );
  assert.deepEqual([...listed].sort(), [...configVariables].sort());
});
