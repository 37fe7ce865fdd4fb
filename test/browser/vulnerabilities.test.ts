import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.js';
import { type BrowserApp, signedInPage, startBrowserApp } from '../support/browser-app.js';
import { sharedData } from '../support/paths.js';
import type { RunningApp } from './app-server.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/** Pages whose content is wider than the window scroll sideways as a whole: a 390 px phone must not need to. */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('vulnerability management in the browser', () => {
  let target: BrowserApp;
  let app: RunningApp;
  let page: Page;
  let findingPath = '';

  before(async () => {
    target = await startBrowserApp('vulnerabilities-ui', { TILLIT_JOBS: 'false' });
    ({ app } = target);
    page = await signedInPage(target);
  });
  after(async () => {
    await target?.close();
  });

  test('import a Trivy report, filter the list (kept in the address), accept one finding as a risk', async () => {
    await nav(page, 'Vulnerabilities').click();
    await page.getByRole('heading', { name: 'Vulnerabilities', level: 1 }).waitFor();
    // The demo's own open findings are listed already.
    const before = Number.parseInt((await page.getByText(/^\d+ findings?$/).textContent()) ?? '', 10);
    assert.ok(before > 0);
    await page.getByRole('link', { name: 'Import a scan' }).click();
    await page.getByRole('heading', { name: 'Import a scan report', level: 1 }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(sharedData('scb-trivy-juice-shop-v12.10.2.json'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Imported', level: 2 }).waitFor();
    assert.equal(await page.getByTestId('import-findings-in-the-report').textContent(), '182');
    assert.equal(await page.getByTestId('import-new').textContent(), '182');

    // A wrong file is refused with the reason, and nothing is imported.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The report was not imported' });
    await refusal.waitFor();
    assert.ok(((await refusal.textContent()) ?? '').length > 'The report was not imported'.length + 10);

    await page.getByRole('link', { name: 'Vulnerabilities', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Vulnerabilities', level: 1 }).waitFor();
    await page.getByText(`${before + 182} findings`).waitFor();
    await page.getByRole('combobox', { name: 'Severity' }).click();
    await page.getByRole('option', { name: 'Critical', exact: true }).click();
    await page.getByText('28 findings').waitFor();
    assert.match(page.url(), /[?&]severity=critical/);
    await page.reload();
    await page.getByText('28 findings').waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Severity' }).inputValue(), 'Critical');

    const table = page.getByRole('table', { name: 'Vulnerability findings' });
    const first = table.getByRole('link').first();
    const primaryId = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { name: primaryId, level: 1 }).waitFor();
    findingPath = new URL(page.url()).pathname;
    assert.equal(await page.getByTestId('finding-state').textContent(), 'Open');

    await page.getByRole('combobox', { name: 'New state' }).click();
    await page.getByRole('option', { name: 'Accepted risk', exact: true }).click();
    // The demo's criticals are all fixed: the 28 are the report's.
    // Without a risk and a date the server names the fields.
    await page
      .getByLabel(/^Why the risk is accepted/)
      .fill('Compensated by the WAF rule set until the upgrade');
    await page.getByRole('button', { name: 'Change state' }).click();
    await page.getByText('Please correct the highlighted fields.').waitFor();
    await page.getByLabel(/^Accepted until/).fill(day(60));
    await page.getByRole('combobox', { name: /^Risk in the register/ }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('button', { name: 'Change state' }).click();
    await page.getByTestId('finding-state').getByText('Accepted risk').waitFor();
    await page.getByText(/Approved by .*, until/).waitFor();

    const id = findingPath.split('/').pop();
    const events = (await (await page.request.get(`${app.url}/api/audit-events?entityId=${id}`)).json()) as {
      items: { action: string; data: { to: string } }[];
    };
    assert.deepEqual(
      events.items.map((e) => [e.action, e.data.to]),
      [['vulnerability.state-changed', 'accepted']],
    );
    await page.goto(`${app.url}/vulnerabilities?state=accepted`);
    // The demo's own accepted risk and this one.
    await page.getByText('2 findings', { exact: true }).waitFor();
  });

  test('the overview shows the counts and the weekly trend; pages are accessible, light and dark, and fit 390 px', async () => {
    await page.goto(`${app.url}/vulnerabilities/overview`);
    await page.getByRole('heading', { name: 'Vulnerability overview', level: 1 }).waitFor();
    // The report is from 2024, so every finding has been open through all twelve weeks and is past its fix-by
    // date; the accepted one no longer counts (the demo's criticals were all fixed by last week's scan).
    const weeks = page.getByRole('img', { name: /^Week of \d{4}-\d{2}-\d{2}: / });
    await weeks.last().waitFor();
    assert.equal(await weeks.count(), 12);
    assert.match((await weeks.last().getAttribute('aria-label')) ?? '', /: 27 critical, /);
    assert.equal(await page.getByTestId('overdue-critical').textContent(), '27 overdue');
    const problems: string[] = [];
    const pages: [string, string][] = [
      ['/vulnerabilities', 'Vulnerabilities'],
      ['/vulnerabilities/overview', 'Vulnerability overview'],
      ['/vulnerabilities/import', 'Import a scan report'],
    ];
    for (const scheme of ['light', 'dark'] as const) {
      const phone = await signedInPage(target, {
        colorScheme: scheme,
        viewport: { width: 390, height: 844 },
        bypassCSP: true,
      });
      for (const [path, heading] of pages) {
        await phone.goto(`${app.url}${path}`);
        await phone.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await phone.waitForLoadState('networkidle');
        assert.equal(await phone.locator('html').getAttribute('data-mantine-color-scheme'), scheme);
        problems.push(...(await seriousViolations(phone)).map((v) => `${scheme} ${path}: ${v}`));
        if (await overflows(phone)) problems.push(`${scheme} ${path}: wider than 390 px`);
      }
      await phone.goto(`${app.url}${findingPath}`);
      await phone.getByTestId('finding-state').waitFor();
      await phone.waitForLoadState('networkidle');
      problems.push(...(await seriousViolations(phone)).map((v) => `${scheme} detail: ${v}`));
      if (await overflows(phone)) problems.push(`${scheme} detail: wider than 390 px`);
      await phone.context().close();
    }
    assert.deepEqual(problems, []);
  });
});
