// The test command: unit, service, HTTP and browser tests with node's test runner, on PGlite, or on
// PostgreSQL when TILLIT_TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(`Tillit needs Node.js 22 or newer; this is ${process.version}.\n`);
  process.exit(1);
}
if (!existsSync('/usr/bin/chromium')) {
  process.stderr.write(
    "The browser tests need Debian's Chromium at /usr/bin/chromium: sudo apt-get install chromium\n",
  );
  process.exit(1);
}
const build = spawnSync(process.execPath, [path.join(root, 'scripts/ensure-web-build.js')], {
  stdio: 'inherit',
  cwd: root,
});
if (build.status !== 0) process.exit(build.status ?? 1);

const db = process.env.TILLIT_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
process.stdout.write(`Running the test suite on ${db}\n`);
const patterns = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['src/**/*.test.ts', 'test/**/*.test.ts'];
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...patterns],
  {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, TILLIT_LOG_LEVEL: process.env.TILLIT_LOG_LEVEL ?? 'silent' },
  },
);
process.exit(result.status ?? 1);
