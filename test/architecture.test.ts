// The module boundaries as a test: which folder may import which, that other code reaches a module only
// through its index.ts, and that every table is written by one module only. See CONTRIBUTING.md.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { modules } from '../src/server/modules/index.js';
import { repoRoot } from './support/paths.js';

const root = repoRoot;
const modulesDir = path.join(root, 'src/server/modules');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const rel = (file: string) => path.relative(root, file);

/** Relative import specifiers of a file, resolved to repository paths (without extension). */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] as string);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => rel(path.resolve(path.dirname(file), s)).replace(/\.(js|ts|tsx)$/, ''));
}

/** The module a repository path belongs to, e.g. 'risks' for src/server/modules/risks/risks.service. */
function moduleOf(repoPath: string): string | undefined {
  const m = /^src\/server\/modules\/([^/]+)\//.exec(repoPath);
  return m?.[1];
}

export interface Violation {
  file: string;
  imports: string;
  rule: string;
}

/** Checks one file's imports against the boundary rules; exported shape kept small so the test reads well. */
export function boundaryViolations(file: string, imports: string[]): Violation[] {
  const from = rel(file);
  const out: Violation[] = [];
  const fromModule = moduleOf(from);
  for (const target of imports) {
    const v = (rule: string) => out.push({ file: from, imports: target, rule });
    if (from.startsWith('src/web/') && target.startsWith('src/server/')) v('web never imports server');
    if (from.startsWith('src/formats/') && /^src\/(server|web)\//.test(target))
      v('formats import neither server nor web');
    if (from.startsWith('src/contracts/') && !target.startsWith('src/contracts/'))
      v('contracts import nothing but contracts');
    if (from.startsWith('src/server/kernel/') && target.startsWith('src/server/modules/'))
      v('the kernel never imports modules');
    const targetModule = moduleOf(target);
    if (targetModule && targetModule !== fromModule && !isTest(file) && !from.startsWith('test/')) {
      if (target !== `src/server/modules/${targetModule}/index`)
        v(`other code reaches module ${targetModule} only through its index.ts`);
    }
  }
  return out;
}

const writeCall = /\.(insertInto|updateTable|deleteFrom|mergeInto)\(\s*['"]([a-z_]+)['"]/g;
const writeSql = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)\b/g;

/** Tables each module writes, from Kysely builder calls and raw SQL in its non-test files. */
function tablesWrittenByModule(): Map<string, Set<string>> {
  const writers = new Map<string, Set<string>>();
  for (const file of sourceFiles(modulesDir)) {
    if (isTest(file)) continue;
    const mod = moduleOf(rel(file));
    if (!mod) continue;
    const text = readFileSync(file, 'utf8');
    const tables = [
      ...[...text.matchAll(writeCall)].map((m) => m[2] as string),
      ...[...text.matchAll(writeSql)].map((m) => m[1] as string),
    ];
    for (const table of tables) {
      const set = writers.get(table) ?? new Set<string>();
      set.add(mod);
      writers.set(table, set);
    }
  }
  return writers;
}

describe('architecture', () => {
  test('every module has an index.ts', () => {
    const missing = readdirSync(modulesDir)
      .filter((m) => statSync(path.join(modulesDir, m)).isDirectory())
      .filter((m) => {
        try {
          return !statSync(path.join(modulesDir, m, 'index.ts')).isFile();
        } catch {
          return true;
        }
      });
    assert.deepEqual(missing, []);
  });

  test('imports respect the boundaries (web, formats, contracts, kernel, module index files)', () => {
    const files = ['src', 'bench', 'scripts']
      .flatMap((d) => sourceFiles(path.join(root, d)))
      .filter((f) => !isTest(f));
    const violations = files.flatMap((f) => boundaryViolations(f, localImports(f)));
    assert.deepEqual(
      violations.map((v) => `${v.file} → ${v.imports}: ${v.rule}`),
      [],
      'see CONTRIBUTING.md, "Module boundaries"',
    );
  });

  test('the rules catch a violation (the checker itself can fail)', () => {
    const fake = path.join(root, 'src/server/modules/risks/risks.service.ts');
    const found = boundaryViolations(fake, ['src/server/modules/controls/controls.repository']);
    assert.equal(found.length, 1);
    assert.match(found[0]?.rule ?? '', /only through its index/);
    const kernel = path.join(root, 'src/server/kernel/audit/audit-writer.ts');
    assert.equal(boundaryViolations(kernel, ['src/server/modules/risks/index']).length, 1);
    const web = path.join(root, 'src/web/pages/risks/risk-form.tsx');
    assert.equal(boundaryViolations(web, ['src/server/kernel/config/config']).length, 1);
  });

  test('every table is written by one module only', () => {
    const shared = [...tablesWrittenByModule()]
      .filter(([, mods]) => mods.size > 1)
      .map(([table, mods]) => `${table}: ${[...mods].sort().join(', ')}`);
    assert.deepEqual(shared, [], 'a module writes only its own tables; call the owner through its index.ts');
  });

  test('every module folder is registered by its <m>.module.ts, under its folder name', () => {
    const folders = readdirSync(modulesDir)
      .filter((m) => statSync(path.join(modulesDir, m)).isDirectory())
      .sort();
    assert.deepEqual(modules.map((m) => m.name).sort(), folders, 'see src/server/modules/index.ts');
  });

  test('a module declares every table it writes (backed up, or left out with a reason)', () => {
    const declared = new Map(
      modules.map((m) => [
        m.name,
        new Set([...(m.tables ?? []).map((t) => t.name), ...Object.keys(m.tablesNotBackedUp ?? {})]),
      ]),
    );
    const undeclared = [...tablesWrittenByModule()].flatMap(([table, mods]) =>
      [...mods].filter((m) => !declared.get(m)?.has(table)).map((m) => `${m} writes ${table}`),
    );
    assert.deepEqual(undeclared, [], "declare the table in the module's <m>.module.ts");
  });

  test('transactions are opened only by the transaction helper (lock order, retry on deadlock)', () => {
    const helper = 'src/server/kernel/db/transaction.ts';
    const direct = sourceFiles(path.join(root, 'src'))
      .filter((f) => !isTest(f) && rel(f) !== helper)
      .filter((f) => /\.transaction\(\)/.test(readFileSync(f, 'utf8')))
      .map(rel);
    assert.deepEqual(direct, [], 'use inTransaction or runTransaction (kernel/db/transaction.ts)');
  });
});
