import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.js';
import { launchBrowser } from '../support/browser.js';
import { createTestInstance, type TestInstance } from '../support/test-database.js';
import { type RunningApp, startApp } from './app-server.js';

const screenshots = process.env.TILLIT_SCREENSHOTS_DIR;
async function shot(page: Page, name: string) {
  if (screenshots) await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

const stockholm = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(d);
/** `YYYY-MM-DDTHH:mm` on the browser's Stockholm clock, as a datetime-local input wants it. */
const localInput = (d: Date) => stockholm(d).replace(' ', 'T');

describe('incidents in the browser', () => {
  let instance: TestInstance;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  before(async () => {
    instance = await createTestInstance('incidents-ui');
    // A slow start-up on a loaded machine is not a failure of this feature.
    app = await startApp({ ...instance.env, TILLIT_JOBS: 'false' }, 180_000);
    browser = await launchBrowser();
    page = await (await browser.newContext({ timezoneId: 'Europe/Stockholm' })).newPage();
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel('E-mail').fill(app.adminEmail);
    await page.getByLabel(/^Password/).fill(app.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('organization-name').waitFor();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await instance?.dispose();
  });

  test('report, classify as significant, see the 24 h deadline, submit the early warning, publish a status update', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Incidents', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Report an incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report an incident' });
    await dialog.getByLabel(/^Title/).fill('Compute down in STO2 after a power loss');
    await dialog.getByRole('combobox', { name: /^Category/ }).click();
    await page.getByRole('option', { name: 'Availability', exact: true }).click();
    await dialog.getByRole('combobox', { name: /^Severity/ }).click();
    await page.getByRole('option', { name: 'High', exact: true }).click();
    // Two hours ago, on the browser's Stockholm clock.
    const aware = new Date(Math.floor((Date.now() - 2 * 3_600_000) / 60_000) * 60_000);
    await dialog.getByLabel(/^Became aware at/).fill(localInput(aware));
    await dialog.getByRole('button', { name: 'Report incident' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^INC-\d{3} Compute down in STO2/ });
    await heading.waitFor();
    await page.getByText('No reports are due.').waitFor();

    const triage = page.getByRole('form', { name: 'Triage' });
    await triage.getByLabel('The service was completely unavailable for more than 30 minutes').check();
    await triage.getByRole('button', { name: 'Classify' }).click();
    await page.getByText('Significant incident under NIS2.').waitFor();
    const reports = page.getByRole('table', { name: 'Reports and deadlines' });
    const warning = reports.locator('tr[data-report="nis2-early-warning"]');
    const due = new Date(aware.getTime() + 24 * 3_600_000);
    await warning.getByText(stockholm(due)).waitFor();
    assert.match((await warning.textContent()) ?? '', /CERT-SE/);
    await shot(page, 'incident-triaged');

    await page
      .getByRole('link', { name: 'Markdown' })
      .first()
      .getAttribute('href')
      .then((href) => assert.match(href ?? '', /export\.md$/));
    await warning.getByRole('textbox', { name: 'Reference for NIS2 early warning' }).fill('CERT-SE-2026-77');
    await warning.getByRole('button', { name: 'Mark submitted' }).click();
    await warning.getByText(/Submitted .* CERT-SE-2026-77/).waitFor();

    await page.getByLabel('Public title').fill('Compute unavailable in Stockholm South');
    await page
      .getByLabel('Public update')
      .fill('Power to one hall failed; virtual machines are being restarted.');
    await page.getByRole('button', { name: 'Publish status update' }).click();
    await page.getByText('Status update published').waitFor();

    const visitor = await browser.newContext();
    const statusPage = await visitor.newPage();
    await statusPage.goto(`${app.url}/status`);
    await statusPage
      .getByRole('heading', { name: /Compute unavailable in Stockholm South — investigating/ })
      .waitFor();
    await statusPage.getByText('virtual machines are being restarted').waitFor();
    const summary = await (await statusPage.request.get(`${app.url}/status/api/v2/summary.json`)).json();
    assert.deepEqual(
      summary.incidents.map((i: { name: string }) => i.name),
      ['Compute unavailable in Stockholm South'],
    );
    await visitor.close();
  });

  test('outages: record one, set the SLA per service, see the month; accessible light and dark, fits 390 px', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Outages and SLA' })
      .click();
    await page.getByRole('heading', { name: 'Outages and SLA', level: 1 }).waitFor();
    const start = new Date(Math.floor((Date.now() - 3 * 3_600_000) / 60_000) * 60_000);
    await page.getByLabel('Month', { exact: true }).fill(stockholm(start).slice(0, 7));
    await page.getByRole('button', { name: 'Record an outage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record an outage' });
    await dialog.getByLabel(/^Title/).fill('Hall B power');
    await dialog.getByLabel(/^Services/).click({ force: true });
    await page.getByRole('option', { name: 'Compute', exact: true }).click();
    // The list stays open for more choices; leave it by clicking elsewhere in the form.
    await dialog.getByLabel(/^Title/).click();
    await dialog.getByLabel(/^Locations/).click({ force: true });
    await page.getByRole('option', { name: 'STO1', exact: true }).click();
    await dialog.getByLabel(/^Title/).click();
    await dialog.getByLabel(/^Started at/).fill(localInput(start));
    await dialog.getByLabel(/^Ended at/).fill(localInput(new Date(start.getTime() + 90 * 60_000)));
    await dialog.getByRole('button', { name: 'Record outage' }).click();
    await page.getByRole('table', { name: 'Outages' }).getByText('Hall B power').waitFor();
    const row = page
      .getByRole('table', { name: 'Availability' })
      .getByRole('row')
      .filter({ hasText: 'Compute' })
      .filter({ hasText: 'STO1' });
    await row.getByRole('cell', { name: '90', exact: true }).waitFor();

    await page.getByLabel('Compute', { exact: true }).fill('99.95');
    await page.getByRole('button', { name: 'Save SLA settings' }).click();
    await page.getByText('SLA settings saved').waitFor();
    await row.getByRole('cell', { name: '99.95 %', exact: true }).waitFor();

    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const phone = await (
        await browser.newContext({
          colorScheme: scheme,
          viewport: { width: 390, height: 844 },
          bypassCSP: true,
        })
      ).newPage();
      await phone.goto(`${app.url}/sign-in`);
      await phone.getByLabel('E-mail').fill(app.adminEmail);
      await phone.getByLabel(/^Password/).fill(app.adminPassword);
      await phone.getByRole('button', { name: 'Sign in' }).click();
      await phone.getByTestId('organization-name').waitFor();
      await phone.goto(`${app.url}/outages`);
      await phone.getByRole('heading', { name: 'Outages and SLA', level: 1 }).waitFor();
      await phone.getByRole('button', { name: 'Save SLA settings' }).waitFor();
      await phone.waitForLoadState('networkidle');
      assert.equal(await phone.locator('html').getAttribute('data-mantine-color-scheme'), scheme);
      problems.push(...(await seriousViolations(phone)).map((v) => `${scheme}: ${v}`));
      if (
        await phone.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        )
      )
        problems.push(`${scheme}: wider than 390 px`);
      await phone.context().close();
    }
    assert.deepEqual(problems, []);
  });
});
