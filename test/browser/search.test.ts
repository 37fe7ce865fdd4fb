import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type BrowserApp, startBrowserApp } from '../support/browser-app.js';
import type { RunningApp } from './app-server.js';

const screenshots = process.env.TILLIT_SCREENSHOTS_DIR;

async function shot(page: Page, name: string) {
  if (screenshots) await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function signIn(page: Page, app: RunningApp) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel('E-mail').fill(app.adminEmail);
  await page.getByLabel(/^Password/).fill(app.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('organization-name').waitFor();
}

const scheme = (page: Page) => page.locator('html').getAttribute('data-mantine-color-scheme');

describe('global search and dark mode in the browser', () => {
  let target: BrowserApp;
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    target = await startBrowserApp('search-ui', { TILLIT_JOBS: 'false' });
    ({ app, browser } = target);
  });
  after(async () => {
    await target?.close();
  });

  test('Ctrl+K opens search; arrows and Enter open a hit; "/" opens it too', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, app);
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    const box = dialog.getByRole('combobox', { name: 'Search everything' });
    await box.fill('backup');
    const results = dialog.getByRole('listbox', { name: 'Search results' });
    await results.getByRole('group', { name: /Risks/ }).getByRole('option').first().waitFor();
    const options = results.getByRole('option');
    assert.ok((await options.count()) >= 2, 'the demo has more than one hit for "backup"');
    await box.press('ArrowDown');
    const second = options.nth(1);
    assert.equal(await second.getAttribute('aria-selected'), 'true');
    assert.equal(await box.getAttribute('aria-activedescendant'), await second.getAttribute('id'));
    await shot(page, 'search');
    await box.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForURL((u) =>
      /^\/(risks|controls|requirements|policies|audits)\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.locator('body').press('/');
    await dialog.waitFor();
    await box.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+k');
    await box.fill('A.5.1');
    await results
      .getByRole('group', { name: /Requirements/ })
      .getByRole('option')
      .first()
      .click();
    await page.waitForURL(/\/requirements\//);
  });

  test('the colour scheme follows the system until toggled, and the choice is kept', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await signIn(page, app);
    assert.equal(await scheme(page), 'dark');
    await page.goto(`${app.url}/risks`);
    await page.getByTestId('heatmap-inherent').waitFor();
    await shot(page, 'risks-dark');
    await page.getByRole('button', { name: 'Switch to light mode' }).click();
    assert.equal(await scheme(page), 'light');
    await page.reload();
    await page.getByRole('button', { name: 'Switch to dark mode' }).waitFor();
    assert.equal(await scheme(page), 'light', 'the choice outlives a reload');
    const light = await (await browser.newContext({ colorScheme: 'light' })).newPage();
    await signIn(light, app);
    assert.equal(await scheme(light), 'light');
  });
});
