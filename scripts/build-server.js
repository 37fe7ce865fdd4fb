// Compiles the TypeScript that runs on Node (server, CLI, formats, contracts, tests, bench, scripts — everything but
// src/web, which Vite builds) into dist/node, one JavaScript file per source file (esbuild transpiles, no bundling),
// so `npm start`, `bin/tillit.js` and the tests load plain JavaScript with no compiler at run time. The tree under
// dist/node mirrors the repository (dist/node/src/…, dist/node/test/…); files that are not TypeScript (JSON
// catalogues, test fixtures) are copied beside them. Runs only when the build is missing or older than a source.
//
//   node scripts/build-server.js          build if stale
//   node scripts/build-server.js --force  always build
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = path.join(root, 'dist/node');
const stamp = path.join(outDir, '.built');
const sourceDirs = ['src', 'test', 'bench', 'scripts'];
const skipped = new Set([path.join(root, 'src/web'), path.join(root, 'bench/results')]);
const configFiles = ['tsconfig.json', 'package.json'];

/** Every file under the source folders, and the newest modification time of any file or folder (a deletion
 *  changes its folder's time). */
function walk(dir, files, state) {
  state.newest = Math.max(state.newest, statSync(dir).mtimeMs);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skipped.has(full)) continue;
    if (entry.isDirectory()) walk(full, files, state);
    else {
      files.push(full);
      state.newest = Math.max(state.newest, statSync(full).mtimeMs);
    }
  }
}

function sources() {
  const files = [];
  const state = { newest: 0 };
  for (const dir of sourceDirs) walk(path.join(root, dir), files, state);
  for (const file of configFiles)
    state.newest = Math.max(state.newest, statSync(path.join(root, file)).mtimeMs);
  return { files, newest: state.newest };
}

const isTypeScript = (file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts');

/** True when dist/node is missing or older than any source. */
export function serverBuildIsStale() {
  if (!existsSync(stamp)) return true;
  return statSync(stamp).mtimeMs < sources().newest;
}

/** Builds into a fresh folder and swaps it in, so a process that is reading the old build never sees half of one. */
export async function buildServer() {
  const { files } = sources();
  const { build } = await import('esbuild').catch(() => {
    throw new Error(
      'dist/node is missing or older than the sources, and esbuild (a dev dependency) is not installed: run `npm install` and `npm run build:server`',
    );
  });
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: files.filter(isTypeScript),
    outdir: tmp,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    sourcemap: 'linked',
    logLevel: 'warning',
    tsconfig: path.join(root, 'tsconfig.json'),
  });
  for (const file of files) {
    if (isTypeScript(file) || file.endsWith('.d.ts')) continue;
    const target = path.join(tmp, path.relative(root, file));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  writeFileSync(path.join(tmp, '.built'), `${new Date().toISOString()}\n`);
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
}

/** Builds when stale; returns whether it built. */
export async function ensureServerBuild({ force = false } = {}) {
  if (!force && !serverBuildIsStale()) return false;
  const started = Date.now();
  await buildServer();
  process.stderr.write(`Built dist/node in ${Date.now() - started} ms\n`);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await ensureServerBuild({ force: process.argv.includes('--force') });
}
