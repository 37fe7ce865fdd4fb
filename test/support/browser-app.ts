import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type RunningApp, startApp } from '../browser/app-server.js';
import { launchBrowser } from './browser.js';
import { builtOncePerRun } from './run-cache.js';
import {
  copyMigratedPglite,
  createTestInstance,
  type TestInstance,
  testDatabaseKind,
} from './test-database.js';

/** What a browser-test file runs against: one `tillit serve` on a fresh, migrated database and one Chromium. */
export interface BrowserApp {
  instance: TestInstance;
  app: RunningApp;
  browser: Browser;
  /** Closes the browser, stops the server and drops its database. */
  close(): Promise<void>;
}

const FIRST_START = 'first-start.json';

/**
 * The data directory of a first `tillit serve` with the demo (and its programme unless `programme` is 'false'),
 * set up once per test run (run-cache.ts) the way serve sets it up, for every browser file's server to start from
 * a copy: seeding the demo programme costs a first start ≈ 8 CPU seconds. Its admin's credentials are beside it.
 */
async function demoFirstStart(programme: string): Promise<string> {
  return builtOncePerRun(`first-start-demo-programme-${programme}`, async (dataDir) => {
    await copyMigratedPglite(dataDir);
    const [{ loadConfig }, { createLogger }, { openRuntime }] = await Promise.all([
      import('../../src/server/kernel/config/config.js'),
      import('../../src/server/kernel/logging/logger.js'),
      import('../../src/server/runtime.js'),
    ]);
    const config = loadConfig({ ...process.env, TILLIT_DATA_DIR: dataDir, TILLIT_DEMO_PROGRAMME: programme });
    const runtime = await openRuntime(config, createLogger('silent'), { bootstrap: true });
    await runtime.handle.close();
    if (!runtime.firstStart) throw new Error('the first start did not set up the demo');
    const { adminEmail: email, adminPassword: password } = runtime.firstStart;
    writeFileSync(path.join(dataDir, FIRST_START), JSON.stringify({ email, password }));
  });
}

/** Settings under which a first start seeds something else than the demo (with or without its programme). */
const seedingSettings =
  /^(TILLIT_DEMO|TILLIT_ORGANIZATION_NAME|TILLIT_ADMIN_EMAIL|TILLIT_AUDIT_KEY_FILE|TILLIT_S3_.*)$/;

/**
 * Starts the server (`env` adds to the fresh instance's settings) and Chromium side by side, once per file
 * (in `before`); `close()` in `after`. If either fails to start, the other is stopped before the error is thrown.
 * The start-up may take minutes when the machine is busy (a deadline, not a timing assert). On PGlite the server
 * starts on a copy of the demo's first start (`demoFirstStart`), unless `env` changes what a first start seeds.
 */
export async function startBrowserApp(
  label: string,
  env: Record<string, string> = {},
  timeoutMs = 240_000,
): Promise<BrowserApp> {
  const fromCopy =
    testDatabaseKind === 'pglite' && !Object.keys(env).some((key) => seedingSettings.test(key));
  const instance = await createTestInstance(label, { migrated: !fromCopy });
  let admin: { email: string; password: string } | undefined;
  if (fromCopy) {
    const firstStart = await demoFirstStart(env.TILLIT_DEMO_PROGRAMME ?? 'true');
    cpSync(firstStart, instance.dataDir, { recursive: true });
    admin = JSON.parse(readFileSync(path.join(firstStart, FIRST_START), 'utf8'));
  }
  const [app, browser] = await Promise.allSettled([
    startApp({ ...instance.env, ...env }, timeoutMs, admin),
    launchBrowser(),
  ]);
  if (app.status === 'rejected' || browser.status === 'rejected') {
    if (browser.status === 'fulfilled') await browser.value.close();
    if (app.status === 'fulfilled') await app.value.stop();
    await instance.dispose();
    throw app.status === 'rejected' ? app.reason : (browser as PromiseRejectedResult).reason;
  }
  return {
    instance,
    app: app.value,
    browser: browser.value,
    async close() {
      try {
        await browser.value.close();
      } finally {
        try {
          await app.value.stop();
        } finally {
          await instance.dispose();
        }
      }
    },
  };
}

/** Signs in on the sign-in page and waits for the signed-in app (its organisation name). */
export async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('organization-name').waitFor();
}

/** A page in a new browser context, signed in as the first start's administrator. */
export async function signedInPage(target: BrowserApp, options?: BrowserContextOptions): Promise<Page> {
  const page = await (await target.browser.newContext(options)).newPage();
  await signIn(page, target.app.url, target.app.adminEmail, target.app.adminPassword);
  return page;
}
