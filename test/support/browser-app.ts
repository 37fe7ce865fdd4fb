import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type RunningApp, startApp } from '../browser/app-server.js';
import { launchBrowser } from './browser.js';
import { createTestInstance, type TestInstance } from './test-database.js';

/** What a browser-test file runs against: one `tillit serve` on a fresh, migrated database and one Chromium. */
export interface BrowserApp {
  instance: TestInstance;
  app: RunningApp;
  browser: Browser;
  /** Closes the browser, stops the server and drops its database. */
  close(): Promise<void>;
}

/**
 * Starts the server (`env` adds to the fresh instance's settings) and Chromium side by side, once per file
 * (in `before`); `close()` in `after`. If either fails to start, the other is stopped before the error is thrown.
 * The start-up may take minutes when the machine is busy (a deadline, not a timing assert).
 */
export async function startBrowserApp(
  label: string,
  env: Record<string, string> = {},
  timeoutMs = 240_000,
): Promise<BrowserApp> {
  const instance = await createTestInstance(label, { migrated: true });
  const [app, browser] = await Promise.allSettled([
    startApp({ ...instance.env, ...env }, timeoutMs),
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
