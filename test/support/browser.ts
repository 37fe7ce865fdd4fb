import { existsSync } from 'node:fs';
import bundled from '@sparticuz/chromium';
import { type Browser, chromium } from 'playwright-core';

/** The distribution's Chromium, preferred when the machine has it. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const OUR_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
/** The bundled browser's serverless defaults, less the ones that would weaken what the tests check. */
const UNWANTED_BUNDLED_FLAGS = new Set(['--disable-web-security', '--allow-running-insecure-content']);

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
  return { executablePath: await bundled.executablePath(), args: [...args, ...OUR_FLAGS] };
}

/** Starts headless Chromium for a browser test (see chromiumLaunchOptions for which one). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(await chromiumLaunchOptions());
}
