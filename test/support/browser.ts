import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import bundled from '@sparticuz/chromium';
import { type Browser, chromium } from 'playwright-core';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../src/server/kernel/db/data-dir-lock.js';

/** The distribution's Chromium, preferred when the machine has it. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const OUR_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
/**
 * The bundled browser's serverless defaults, less the ones that would weaken what the tests check, and less
 * --single-process (for Lambda's sandbox), with which closing one browser context ends the whole browser.
 */
const UNWANTED_BUNDLED_FLAGS = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--single-process',
]);

/**
 * @sparticuz/chromium unpacks its browser into the temporary directory and takes any file already there as done,
 * so test files starting together (or a run killed while unpacking) could launch half a binary. Unpack it once per
 * version, into its own directory, under an exclusive lock, and mark it complete only when it is.
 */
async function unpackedBundledChromium(): Promise<string> {
  // The package's exports do not include package.json: read it beside its entry point (build/index.js).
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const packageJson = path.join(path.dirname(entry), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const dir = path.join(os.tmpdir(), `tillit-chromium-${version}`);
  const complete = path.join(dir, '.complete');
  const executable = path.join(dir, 'chromium');
  if (existsSync(complete)) return executable;
  let release: (() => void) | undefined;
  while (!release) {
    try {
      release = lockDataDir(dir);
    } catch (err) {
      if (!(err instanceof DataDirLockedError)) throw err;
      await sleep(250);
    }
  }
  const tmp = process.env.TMPDIR;
  try {
    if (existsSync(complete)) return executable;
    for (const entry of readdirSync(dir)) {
      if (!entry.startsWith(LOCK_FILE)) rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
    process.env.TMPDIR = dir; // where @sparticuz/chromium unpacks (os.tmpdir())
    const unpacked = await bundled.executablePath();
    if (unpacked !== executable)
      throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, not ${executable}`);
    writeFileSync(complete, `${version}\n`);
    return executable;
  } finally {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
    release();
  }
}

/**
 * Which Chromium the browser tests run: /usr/bin/chromium when present, otherwise the headless Chromium that
 * ships inside the @sparticuz/chromium npm package, so `npm install && npm test` needs nothing from apt.
 * TILLIT_TEST_CHROMIUM=bundled forces the bundled one (to try the bare-machine path on a machine that has
 * Chromium), TILLIT_TEST_CHROMIUM=system forces /usr/bin/chromium.
 */
export async function chromiumLaunchOptions(
  choice = process.env.TILLIT_TEST_CHROMIUM,
): Promise<{ executablePath: string; args: string[] }> {
  if (choice !== undefined && choice !== '' && choice !== 'bundled' && choice !== 'system') {
    throw new Error(`TILLIT_TEST_CHROMIUM must be "bundled" or "system", not "${choice}"`);
  }
  const useSystem = choice === 'system' || (choice !== 'bundled' && existsSync(SYSTEM_CHROMIUM));
  if (useSystem) return { executablePath: SYSTEM_CHROMIUM, args: OUR_FLAGS };
  const args = bundled.args.filter((flag) => !UNWANTED_BUNDLED_FLAGS.has(flag));
  return { executablePath: await unpackedBundledChromium(), args: [...args, ...OUR_FLAGS] };
}

/** Starts headless Chromium for a browser test (see chromiumLaunchOptions for which one). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(await chromiumLaunchOptions());
}
