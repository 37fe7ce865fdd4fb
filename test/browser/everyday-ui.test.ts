import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type BrowserApp, signedInPage, startBrowserApp } from '../support/browser-app.js';
import { createTestInstance } from '../support/test-database.js';
import { type RunningApp, startApp } from './app-server.js';

const screenshots = process.env.TILLIT_SCREENSHOTS_DIR;

async function shot(page: Page, name: string) {
  if (screenshots) await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('everyday UI in the browser', () => {
  let target: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  before(async () => {
    target = await startBrowserApp('everyday-ui', { TILLIT_JOBS: 'false' });
    ({ app, browser } = target);
    page = await signedInPage(target, { viewport: { width: 1440, height: 900 } });
  });
  after(async () => {
    await target?.close();
  });

  test('the risk form checks before sending, shows the live score and warns of a missing review date', async () => {
    await page.goto(`${app.url}/risks`);
    await page.getByRole('heading', { name: 'Risks', level: 1 }).waitFor();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/risks')) posts.push(r.url());
    });
    await page.getByRole('button', { name: 'New risk' }).click();
    const dialog = page.getByRole('dialog', { name: 'New risk' });
    await dialog.getByTestId('no-review-date').waitFor();
    await dialog.getByLabel(/^Title/).fill('Cooling fails in STO2 during a heatwave');
    await choose(page, dialog, 'Inherent likelihood', '2 Unlikely');
    await choose(page, dialog, 'Inherent impact', '3 Moderate');
    assert.equal((await dialog.getByTestId('live-inherent').textContent())?.trim(), 'Inherent score6 Medium');
    await choose(page, dialog, 'Residual likelihood', '4 Likely');
    await choose(page, dialog, 'Residual impact', '5 Severe');
    assert.equal(
      (await dialog.getByTestId('live-residual').textContent())?.trim(),
      'Residual score20 Critical',
    );
    await dialog.getByRole('button', { name: 'Register risk' }).click();
    await dialog.getByText('Please correct the highlighted fields.').waitFor();
    assert.equal(await dialog.getByText('Must not exceed the inherent value').count(), 2);
    assert.deepEqual(posts, [], 'nothing is sent while the form has problems');

    await choose(page, dialog, 'Residual likelihood', '1 Rare');
    await choose(page, dialog, 'Residual impact', '2 Minor');
    assert.equal((await dialog.getByTestId('live-residual').textContent())?.trim(), 'Residual score2 Low');
    await dialog.getByLabel('Next review').fill('2027-06-30');
    await dialog.getByTestId('no-review-date').waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Register risk' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(posts.length, 1);

    // The toast saying so does not cover the buttons of the page header.
    const toast = page.getByRole('status').filter({ hasText: /registered/ });
    await toast.waitFor();
    const header = page
      .getByRole('heading', { level: 1 })
      .locator('xpath=ancestor::div[contains(@class, "mantine-Group-root")][1]');
    const buttons = header.getByRole('button');
    await buttons.first().waitFor();
    const t = await toast.boundingBox();
    assert.ok(t);
    for (const b of await buttons.all()) {
      const box = await b.boundingBox();
      assert.ok(box);
      const overlaps: boolean =
        t.x < box.x + box.width &&
        box.x < t.x + t.width &&
        t.y < box.y + box.height &&
        box.y < t.y + t.height;
      assert.equal(overlaps, false, `the toast covers "${await b.textContent()}"`);
    }
  });

  test('a heatmap cell opens the register filtered to that cell, and the table fits its card at 1440 px', async () => {
    await page.goto(`${app.url}/risks`);
    const cell = page.getByTestId('heatmap-residual').locator('td[data-cell="1-2"] [data-count]');
    const n = Number(await cell.textContent());
    assert.ok(n >= 1, 'the risk registered above is in residual cell 1-2');
    await cell.click();
    await page.waitForURL(/\/risks\?residual=1-2$/);
    await page.getByRole('button', { name: /Clear the heatmap cell filter \(residual 1×2\)/ }).waitFor();
    await page
      .getByTestId('risk-count')
      .filter({ hasText: new RegExp(`^${n} risks?$`) })
      .waitFor();
    const table = page.getByRole('table', { name: 'Risks' });
    await table.getByText('Cooling fails in STO2 during a heatwave').waitFor();
    await page.goto(`${app.url}/risks`);
    await table.getByRole('row').nth(2).waitFor();
    const fits = await table.evaluate((el) => {
      const card = el.closest('.mantine-Card-root');
      if (!card) return 'no card';
      const c = card.getBoundingClientRect();
      const t = el.getBoundingClientRect();
      return t.right <= c.right && el.scrollWidth <= el.clientWidth + 1 ? 'fits' : `${t.right} > ${c.right}`;
    });
    assert.equal(fits, 'fits');
    await shot(page, 'risk-register-1440');
  });

  test('a requirement without controls offers to create one mapped to it, or to map an existing control', async () => {
    type Item = { id: string; ref: string; title: string; kind: string; controlCount: number };
    const frameworks = (await (await page.request.get(`${app.url}/api/frameworks?pageSize=200`)).json()) as {
      items: { id: string }[];
    };
    const unmapped: Item[] = [];
    for (const f of frameworks.items) {
      const list = (await (
        await page.request.get(`${app.url}/api/frameworks/${f.id}/requirements?pageSize=1000`)
      ).json()) as { items: Item[] };
      unmapped.push(...list.items.filter((r) => r.kind === 'requirement' && r.controlCount === 0));
      if (unmapped.length >= 2) break;
    }
    const [first, second] = unmapped;
    assert.ok(first && second, 'the demo leaves requirements without controls');

    await page.goto(`${app.url}/requirements/${first.id}`);
    const controls = page.getByRole('region', { name: 'Controls' });
    await controls.getByText('No control is mapped to this requirement yet').waitFor();
    await controls.getByRole('button', { name: 'Create control' }).click();
    const dialog = page.getByRole('dialog', { name: 'New control' });
    await dialog.getByRole('button', { name: `Remove ${first.ref}` }).waitFor();
    await dialog.getByLabel(/^Title/).fill('Made from the requirement page');
    await dialog.getByRole('button', { name: 'Create control' }).click();
    await dialog.waitFor({ state: 'detached' });
    const made = page.getByRole('heading', { level: 1, name: /Made from the requirement page/ });
    await made.waitFor();
    const ref = ((await made.textContent()) ?? '').split(' ')[0] ?? '';
    await page.getByRole('link', { name: `${first.ref} ${first.title}`, exact: true }).waitFor();

    await page.goto(`${app.url}/requirements/${second.id}`);
    await controls.getByRole('button', { name: 'Map existing control' }).click();
    const map = page.getByRole('dialog', { name: `Map a control to ${second.ref}` });
    await map.getByRole('combobox', { name: 'Control to map' }).fill(ref);
    await page.getByRole('option', { name: new RegExp(`^${ref} `) }).click();
    await map.getByRole('button', { name: 'Map control' }).click();
    await map.waitFor({ state: 'detached' });
    await controls
      .getByRole('table', { name: 'Mapped controls' })
      .getByText(`${ref} Made from the requirement page`)
      .waitFor();
  });

  test('the audit log names entities by reference and title and links them to their pages', async () => {
    await page.goto(`${app.url}/audit-log`);
    const events = page.getByRole('table', { name: 'Audit events' });
    const link = events
      .getByRole('link', { name: /^RSK-\d{3} Cooling fails in STO2 during a heatwave$/ })
      .first();
    await link.click();
    await page
      .getByRole('heading', { level: 1, name: /^RSK-\d{3} Cooling fails in STO2 during a heatwave/ })
      .waitFor();
  });

  test('FAQ language is a choice; empty lists say what to do next', async () => {
    await page.goto(`${app.url}/trust-center`);
    await page.getByRole('tab', { name: 'FAQ' }).click();
    // Opened once the page has loaded what it shows: a late re-render closes an open dropdown.
    await page.waitForLoadState('networkidle');
    const add = page.locator('#faq-add');
    await add.getByRole('combobox', { name: 'Language' }).click();
    for (const name of ['English (en)', 'Swedish (sv)', 'Norwegian Bokmål (nb)']) {
      await page.getByRole('option', { name, exact: true }).waitFor();
    }
    await page.getByRole('option', { name: 'Swedish (sv)', exact: true }).click();
    await add.getByRole('textbox', { name: 'New section' }).fill('Säkerhet');
    await add.getByRole('button', { name: 'Add section' }).click();
    await page.getByRole('status').filter({ hasText: 'Section added' }).waitFor();
    await add.getByRole('combobox', { name: 'Section' }).click();
    await page.getByRole('option', { name: 'Säkerhet (sv)' }).waitFor();
    await page.keyboard.press('Escape');

    await page.goto(`${app.url}/evidence?kind=file&state=pending`);
    const empty = page.getByTestId('empty-state');
    await empty.getByText('No evidence matches').waitFor();
    await empty.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/evidence$/);
  });

  test('an organisation without questionnaires, FAQ or evidence is told what to do next', async () => {
    const fresh = await createTestInstance('everyday-ui-empty');
    const bare = await startApp({ ...fresh.env, TILLIT_JOBS: 'false', TILLIT_DEMO: 'false' });
    try {
      const p = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await p.goto(`${bare.url}/sign-in`);
      await p.getByLabel('E-mail').fill(bare.adminEmail);
      await p.getByLabel(/^Password/).fill(bare.adminPassword);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByTestId('organization-name').waitFor();
      await p.goto(`${bare.url}/questionnaires`);
      await p.getByTestId('empty-state').getByText('No questionnaires yet').waitFor();
      await p.getByRole('button', { name: 'Upload a questionnaire' }).click();
      await p.goto(`${bare.url}/trust-center`);
      await p.getByRole('tab', { name: 'FAQ' }).click();
      await p.getByTestId('empty-state').getByText('No FAQ answers yet').waitFor();
      await p.getByRole('button', { name: 'Add a question' }).click();
      await p
        .locator('#faq-add')
        .getByRole('textbox', { name: 'New section' })
        .and(p.locator(':focus'))
        .waitFor();
      await p.goto(`${bare.url}/evidence`);
      await p.getByTestId('empty-state').getByText('No evidence yet').waitFor();
      await p.getByRole('button', { name: 'Upload the first file' }).click();
      await p.getByRole('dialog', { name: 'Upload evidence' }).waitFor();
      await shot(p, 'empty-evidence');
    } finally {
      await bare.stop();
      await fresh.dispose();
    }
  });
});
