import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type BrowserApp, signedInPage, startBrowserApp } from '../support/browser-app.js';
import type { RunningApp } from './app-server.js';

const screenshots = process.env.TILLIT_SCREENSHOTS_DIR;

async function shot(page: Page, name: string) {
  if (screenshots) await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The number shown in one heatmap cell (likelihood-impact). */
async function heatmapCount(page: Page, kind: 'inherent' | 'residual', cell: string): Promise<number> {
  const text = await page
    .getByTestId(`heatmap-${kind}`)
    .locator(`td[data-cell="${cell}"] [data-count]`)
    .textContent();
  return Number(text);
}

describe('risk register in the browser', () => {
  let target: BrowserApp;
  let app: RunningApp;
  let page: Page;

  before(async () => {
    target = await startBrowserApp('risks-ui', { TILLIT_JOBS: 'false' });
    ({ app } = target);
    page = await signedInPage(target);
  });
  after(async () => {
    await target?.close();
  });

  test('register a risk (bad input is explained at its field), treat it with a control, see it in the heatmap', async () => {
    await nav(page, 'Risks').click();
    await page.getByRole('heading', { name: 'Risks', level: 1 }).waitFor();
    await page.getByTestId('heatmap-inherent').waitFor();
    const inherentBefore = await heatmapCount(page, 'inherent', '4-5');
    const residualBefore = await heatmapCount(page, 'residual', '2-3');

    await page.getByRole('button', { name: 'New risk' }).click();
    const dialog = page.getByRole('dialog', { name: 'New risk' });
    await dialog.getByLabel(/^Title/).fill('Ransomware reaches the backup network in OSL1');
    await dialog.getByLabel('Threat').fill('Ransomware');
    await choose(page, dialog, 'Inherent likelihood', '4 Likely');
    await choose(page, dialog, 'Inherent impact', '5 Severe');
    await choose(page, dialog, 'Residual likelihood', '5 Almost certain');
    await choose(page, dialog, 'Residual impact', '3 Moderate');
    await dialog.getByRole('button', { name: 'Register risk' }).click();
    await dialog.getByText('Must not exceed the inherent value').waitFor();
    await dialog.getByText('Please correct the highlighted fields.').waitFor();

    await choose(page, dialog, 'Residual likelihood', '2 Unlikely');
    await dialog.getByRole('button', { name: 'Register risk' }).click();
    await dialog.waitFor({ state: 'detached' });
    const heading = page.getByRole('heading', {
      level: 1,
      name: /^RSK-\d{3} Ransomware reaches the backup network/,
    });
    await heading.waitFor();
    const ref = ((await heading.textContent()) ?? '').split(' ')[0];

    await page.getByRole('button', { name: 'Treat' }).click();
    const treat = page.getByRole('dialog', { name: `Treat ${ref}` });
    await choose(page, treat, 'Treatment', 'Mitigate');
    await treat.getByRole('button', { name: 'Save treatment' }).click();
    await treat.getByText('Pick the mitigating controls').waitFor();
    await treat.getByRole('combobox', { name: 'Add a mitigating control' }).fill('CTL-001');
    await page.getByRole('option', { name: /^CTL-001 / }).click();
    await treat.getByRole('list', { name: 'Picked controls' }).getByText('CTL-001').waitFor();
    await choose(page, treat, 'Status', 'Treating');
    await treat.getByRole('button', { name: 'Save treatment' }).click();
    await treat.waitFor({ state: 'detached' });
    const treatment = page.getByTestId('risk-treatment');
    await treatment.getByText('Mitigate').waitFor();
    await shot(page, 'risk-detail');
    const controls = treatment.getByRole('table', { name: 'Mitigating controls' });
    await controls.getByText('CTL-001').waitFor();
    assert.match((await controls.textContent()) ?? '', /Implemented|In progress|Not started/);

    await page.getByRole('link', { name: 'Back to the register' }).click();
    await page.getByTestId('heatmap-inherent').waitFor();
    await page.locator(`tr[data-risk="${ref}"]`).getByText('Mitigate').waitFor();
    assert.equal(await heatmapCount(page, 'inherent', '4-5'), inherentBefore + 1);
    assert.equal(await heatmapCount(page, 'residual', '2-3'), residualBefore + 1);
    await shot(page, 'risk-register');
  });

  test('the matrix cannot shrink below what risks use, and the message says how many', async () => {
    await page.goto(`${app.url}/risks/matrix`);
    await page.getByRole('heading', { name: 'Risk matrix', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Likelihood levels' }).click();
    await page.getByRole('option', { name: '3', exact: true }).click();
    await page.getByRole('button', { name: 'Save matrix' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'critical threshold 20 is above the highest score of this matrix (15)' })
      .waitFor();
    await page.getByRole('textbox', { name: 'Critical from' }).fill('15');
    await page.getByRole('button', { name: 'Save matrix' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /risk\(s\) are assessed above a 3×5 matrix/ });
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /^\s*\d+ risk\(s\)/);
    await shot(page, 'risk-matrix');
  });

  test('an asset is registered with its data centre and found by the location filter', async () => {
    await nav(page, 'Assets').click();
    await page.getByRole('heading', { name: 'Assets', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New asset' }).click();
    const dialog = page.getByRole('dialog', { name: 'New asset' });
    await dialog.getByLabel(/^Name/).fill('Storage nodes in STO2');
    await choose(page, dialog, 'Type', 'Hardware');
    await choose(page, dialog, 'Classification', 'Restricted');
    await choose(page, dialog, 'Location', 'STO2 Stockholm South data centre');
    await dialog.getByRole('button', { name: 'Create asset' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Location' }).click();
    await page.getByRole('option', { name: 'STO2', exact: true }).click();
    const table = page.getByRole('table', { name: 'Assets' });
    await table.getByText('Storage nodes in STO2').waitFor();
    // The new asset also shows in the unfiltered list; wait until the filtered answer replaced it.
    await table.getByRole('row').nth(2).waitFor({ state: 'detached' });
    assert.equal(await table.getByRole('row').count(), 2, 'the header and the one STO2 asset');
    // Filters and page live in the address: a reload, a shared link and back/forward show the same list.
    const filtered = new URL(page.url());
    const locationId = filtered.searchParams.get('locationId');
    assert.ok(locationId, 'the location filter is in the address');
    await page.goto(`${filtered.origin}${filtered.pathname}?locationId=${locationId}&page=2`);
    await page.reload();
    const restored = new URL(page.url());
    assert.equal(restored.searchParams.get('locationId'), locationId, 'the filter survives a reload');
    assert.equal(restored.searchParams.get('page'), '2', 'the page survives a reload');
    // The select shows the filter once the organisation's locations have loaded.
    await page.waitForFunction(
      (input) => (input as HTMLInputElement).value === 'STO2',
      await page.getByRole('combobox', { name: 'Location' }).elementHandle(),
    );
    await page.goBack();
    await table.getByText('Storage nodes in STO2').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('page'), null, 'back returns to the first page');
    await shot(page, 'assets');
  });

  test('the register keeps its filter and page in the address: reload, back and forward show the same list', async () => {
    // 51 risks that one search finds: two pages of 50.
    const { csrfToken } = (await (await page.request.get(`${app.url}/api/auth/session`)).json()) as {
      csrfToken: string;
    };
    for (let i = 1; i <= 51; i++) {
      const created = await page.request.post(`${app.url}/api/risks`, {
        headers: { 'x-csrf-token': csrfToken },
        data: {
          title: `Paging probe ${String(i).padStart(2, '0')}`,
          inherentLikelihood: 2,
          inherentImpact: 2,
        },
      });
      assert.equal(created.status(), 201, await created.text());
    }
    await page.goto(`${app.url}/risks`);
    await page.getByRole('heading', { name: 'Risks', level: 1 }).waitFor();
    const search = page.getByRole('textbox', { name: 'Search', exact: true });
    const count = page.getByTestId('risk-count');
    const rows = page.getByRole('table', { name: 'Risks' }).locator('tbody tr');
    const current = () => new URL(page.url()).searchParams;
    await search.fill('Paging probe');
    await count.getByText('51 risks').waitFor();
    assert.equal(current().get('q'), 'Paging probe', 'the search is in the address');

    await page.getByRole('button', { name: 'Page 2' }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await rows.nth(1).waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 1, 'the second page holds the 51st risk');

    await page.reload();
    await page
      .getByRole('button', { name: 'Page 2', exact: true })
      .and(page.locator('[aria-current="page"]'))
      .waitFor();
    await count.getByText('51 risks').waitFor();
    assert.equal(await search.inputValue(), 'Paging probe', 'the search survives a reload');
    assert.equal(await rows.count(), 1, 'the page survives a reload');

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('page') === null);
    await page
      .getByRole('button', { name: 'Page 1', exact: true })
      .and(page.locator('[aria-current="page"]'))
      .waitFor();
    assert.equal(current().get('q'), 'Paging probe', 'back keeps the search');
    await rows.nth(49).waitFor();
    assert.equal(await rows.count(), 50, 'back shows the first page');

    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await rows.nth(1).waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 1, 'forward shows the second page again');

    // A filter change starts again at page 1.
    await page.getByRole('combobox', { name: 'Status', exact: true }).click();
    await page.getByRole('option', { name: 'Open', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'open');
    assert.equal(current().get('page'), null, 'a new filter goes back to the first page');
    assert.equal(current().get('q'), 'Paging probe', 'the other filters stay');
  });
});
