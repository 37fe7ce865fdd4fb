// The web data layer as a test: API paths and query keys live in src/web/api/<module>.ts, never in pages, shared
// widgets or the layout. See CONTRIBUTING.md (web).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './support/paths.js';

const webDir = path.join(repoRoot, 'src/web');
const apiDir = path.join(webDir, 'api');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (full !== apiDir) out.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const rules: { name: string; pattern: RegExp }[] = [
  { name: "an API path ('/api/…)", pattern: /['"`]\/api\// },
  { name: 'an inline query key (queryKey: [ … ])', pattern: /queryKey:\s*\[/ },
];

/** Every line outside src/web/api that holds an API path or an inline query-key array. */
export function dataLayerViolations(files: string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const rule of rules)
        if (rule.pattern.test(line))
          out.push(`${path.relative(repoRoot, file)}:${i + 1} holds ${rule.name}: ${line.trim()}`);
    });
  }
  return out;
}

test('pages, shared widgets and the layout reach the API only through src/web/api/<module>.ts', () => {
  const files = sourceFiles(webDir);
  assert.ok(
    files.some((f) => f.includes(`${path.sep}pages${path.sep}`)),
    'the scan finds the pages',
  );
  assert.ok(
    files.some((f) => f.includes(`${path.sep}ui${path.sep}`)),
    'the scan finds the shared widgets',
  );
  assert.deepEqual(dataLayerViolations(files), []);
});

// Pages change data through the hooks of src/web/api/<module>.ts (built on useChange, which awaits the reload of what a
// change makes stale), never through useMutation/useQueryClient of their own.
/** Every page file that imports useMutation or useQueryClient from React Query. */
export function inlineMutationViolations(files: string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(
      /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]@tanstack\/react-query['"]/g,
    )) {
      const names = (match[1] ?? '').split(',').map((name) => name.trim().split(/\s+as\s+/)[0]);
      for (const name of names)
        if (name === 'useMutation' || name === 'useQueryClient')
          out.push(`${path.relative(repoRoot, file)} imports ${name} from '@tanstack/react-query'`);
    }
  }
  return out;
}

test('pages change data through the hooks of src/web/api (useChange), not useMutation or useQueryClient', () => {
  const pages = sourceFiles(path.join(webDir, 'pages'));
  assert.deepEqual(inlineMutationViolations(pages), []);
});

test('the scan catches each way of importing useMutation and useQueryClient', () => {
  const probe = path.join(repoRoot, 'test/fixtures/web-data-layer-probe.tsx.txt');
  assert.deepEqual(
    inlineMutationViolations([probe]).map((v) => v.split(' imports ')[1]),
    ["useMutation from '@tanstack/react-query'", "useQueryClient from '@tanstack/react-query'"],
  );
});

test('the scan catches each form of inline API path and query key', () => {
  const probe = path.join(repoRoot, 'test/fixtures/web-data-layer-probe.tsx.txt');
  assert.equal(dataLayerViolations([probe]).length, 4);
});
