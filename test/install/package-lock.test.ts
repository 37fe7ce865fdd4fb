import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/cli.js';

interface LockedPackage {
  optionalDependencies?: Record<string, string>;
  os?: string[];
}

/** Where npm would find `name` for the package at `location` (its own node_modules, then upwards). */
function resolves(packages: Record<string, LockedPackage>, location: string, name: string): boolean {
  let at = location;
  for (;;) {
    if (packages[`${at ? `${at}/` : ''}node_modules/${name}`]) return true;
    if (!at) return false;
    const up = at.lastIndexOf('/node_modules/');
    at = up < 0 ? '' : at.slice(0, up);
  }
}

test('package-lock.json holds every platform package, so `npm ci` works on Linux, macOS and Windows', () => {
  const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockedPackage>;
  };
  const missing = Object.entries(lock.packages).flatMap(([location, pkg]) =>
    Object.keys(pkg.optionalDependencies ?? {})
      .filter((name) => !resolves(lock.packages, location, name))
      .map((name) => `${location || 'tillit'} → ${name}`),
  );
  assert.deepEqual(missing, []);
  const systems = new Set(Object.values(lock.packages).flatMap((p) => p.os ?? []));
  for (const os of ['linux', 'darwin', 'win32']) assert.ok(systems.has(os), `no ${os} package in the lock`);
});
