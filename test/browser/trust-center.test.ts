import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { createTestInstance, type TestInstance } from '../support/test-database.js';
import { type RunningApp, startApp } from './app-server.js';

const FIXTURE = new URL('../fixtures/hugo/faq-sv.md', import.meta.url).pathname;

describe('trust center in the browser', () => {
  let instance: TestInstance;
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    instance = await createTestInstance('trust-ui');
    app = await startApp({ ...instance.env, TILLIT_JOBS: 'false' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await instance?.dispose();
  });

  test('a visitor reads the overview, the FAQ and the sub-processors without signing in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/trust`);
    await page.getByRole('heading', { name: 'Norrsken Cloud trust center', level: 1 }).waitFor();
    await page.getByText('Certified by An accredited certification body').waitFor();
    await page.getByText('In progress, target 2027-Q2').waitFor();
    await page.getByRole('cell', { name: 'Oslo' }).first().waitFor();
    await page.getByRole('navigation', { name: 'Trust center' }).getByRole('link', { name: 'FAQ' }).click();
    await page.getByRole('heading', { name: 'Frequently asked questions', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Where is my data stored?', level: 3 }).waitFor();
    const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
    assert.equal(JSON.parse(jsonLd ?? '')['@type'], 'FAQPage');
    await page
      .getByRole('navigation', { name: 'Trust center' })
      .getByRole('link', { name: 'Sub-processors' })
      .click();
    await page.getByRole('cell', { name: 'Postfjord AS' }).waitFor();
    assert.deepEqual(await context.cookies(), []);
    await context.close();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel('E-mail').fill(app.adminEmail);
    await page.getByLabel(/^Password/).fill(app.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('organization-name').waitFor();
  }

  test('staff import a Hugo FAQ page, edit an answer, see it published and export Markdown', async () => {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Trust center', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Trust center', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Hugo import and export' }).click();
    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('2 sections created, 0 updated; 3 questions created, 0 updated.').waitFor();
    await page.getByRole('table', { name: 'Skipped lines' }).getByText('{{< accordion-script >}}').waitFor();

    await page.getByRole('tab', { name: 'FAQ' }).click();
    await page.getByRole('button', { name: 'Edit Hur följer ni GDPR?' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit FAQ entry' });
    await dialog
      .getByLabel('Answer (Markdown)')
      .fill('Vi är personuppgiftsbiträde och har ett DPA för alla kunder.');
    await dialog.getByRole('button', { name: 'Save answer' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${app.url}/trust/faq?lang=sv`);
    await visitor.getByText('Vi är personuppgiftsbiträde och har ett DPA för alla kunder.').waitFor();
    assert.equal(await visitor.locator('html').getAttribute('lang'), 'sv');

    await page.getByRole('tab', { name: 'Hugo import and export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'FAQ (sv)' }).click(),
    ]);
    const file = await download.path();
    const markdown = readFileSync(file, 'utf8');
    assert.match(markdown, /^---\ntitle: "Norrsken Cloud trust center"\nlanguage: "sv"\n/);
    assert.ok(markdown.includes('{{% question question="Hur följer ni GDPR?" %}}'));
    assert.ok(markdown.includes('Vi är personuppgiftsbiträde och har ett DPA för alla kunder.'));
    assert.ok(markdown.includes('{{% question question="Vad betyder \\"99,9 % tillgänglighet\\"?" %}}'));
  });
});
