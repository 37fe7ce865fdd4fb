import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.js';
import { type BrowserApp, signedInPage, startBrowserApp } from '../support/browser-app.js';
import type { RunningApp } from './app-server.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

describe('objectives and the management review in the browser', () => {
  let target: BrowserApp;
  let app: RunningApp;
  let page: Page;

  before(async () => {
    target = await startBrowserApp('review-ui', { TILLIT_JOBS: 'false' });
    ({ app } = target);
    page = await signedInPage(target, { acceptDownloads: true });
  });
  after(async () => {
    await target?.close();
  });

  test('set an objective with a KPI (a wrong threshold is explained) and record a measurement', async () => {
    await nav(page, 'Objectives').click();
    await page.getByRole('heading', { name: 'Objectives', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New objective' }).click();
    const dialog = page.getByRole('dialog', { name: 'New objective' });
    await dialog.getByLabel(/^Title/).fill('Reliable object storage');
    await dialog.getByLabel('KPI', { exact: true }).fill('Availability');
    await dialog.getByRole('button', { name: 'Set objective' }).click();
    await dialog.getByText('An objective needs an owner').waitFor();
    await dialog.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('listbox').getByRole('option').first().click();
    await dialog.getByRole('textbox', { name: 'Due date' }).fill(day(180));
    await dialog.getByLabel('KPI', { exact: true }).fill('Availability');
    await dialog.getByLabel('Unit').fill('%');
    await dialog.getByLabel('Target').fill('99.9');
    await dialog.getByLabel('Threshold (at risk)').fill('99.95');
    await dialog.getByRole('button', { name: 'Set objective' }).click();
    await dialog.getByText('Must be below 99.9').waitFor();
    await dialog.getByLabel('Threshold (at risk)').fill('99.5');
    await dialog.getByRole('button', { name: 'Set objective' }).click();
    await dialog.waitFor({ state: 'detached' });
    const card = page.locator('[data-objective="Reliable object storage"]');
    await card.getByText('No data').waitFor();
    await card.getByLabel('New value for Availability').fill('99.7');
    await card.getByRole('button', { name: 'Add measurement' }).click();
    await card.getByText('At risk').waitFor();
    assert.match((await card.textContent()) ?? '', /99\.7 %/);
    await card.getByRole('button', { name: 'History of Availability' }).click();
    const history = page.getByRole('dialog', { name: 'Measurements of Availability' });
    await history.getByRole('cell', { name: '99.7 %' }).waitFor();
    await history.getByRole('button', { name: 'Close' }).click();
    await history.waitFor({ state: 'detached' });
  });

  test('plan a review (wrong period order refused), assemble it, see the sections, record a decision, download Markdown', async () => {
    // The demo holds a treated risk, an internal audit whose minor NC was verified and closed, and a published
    // policy with a campaign; the admin accepts one policy so the campaign figures have an acknowledgement.
    const session = (await (await page.request.get(`${app.url}/api/auth/session`)).json()) as {
      csrfToken: string;
    };
    const pending = (await (await page.request.get(`${app.url}/api/me/acknowledgements`)).json()) as {
      items: { documentId: string; versionNumber: number; title: string }[];
    };
    const toAccept = pending.items[0];
    assert.ok(toAccept, 'the demo asks the admin to accept a policy');
    const accepted = await page.request.post(
      `${app.url}/api/policies/${toAccept.documentId}/versions/${toAccept.versionNumber}/acknowledge`,
      { headers: { 'x-csrf-token': session.csrfToken }, data: {} },
    );
    assert.equal(accepted.status(), 200, await accepted.text());
    await nav(page, 'Management review').click();
    await page.getByRole('heading', { name: 'Management reviews', level: 1 }).waitFor();
    await page.getByLabel('Title').fill('Management review 2026');
    await page.getByLabel('Period from').fill(day(1));
    await page.getByLabel('Period to').fill(day(0));
    await page.getByRole('button', { name: 'Plan review' }).click();
    await page.getByText('The period must end after it starts (periodTo after periodFrom)').waitFor();
    await page.getByLabel('Period from').fill(day(-90));
    await page.getByRole('combobox', { name: 'Attendees' }).click();
    const option = page.getByRole('listbox').getByRole('option').first();
    const attendee = ((await option.textContent()) ?? '').trim();
    await option.click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Plan review' }).click();
    await page.getByRole('heading', { name: 'Management review 2026', level: 1 }).waitFor();
    await page.getByText('No report yet').waitFor();

    await page.getByRole('button', { name: 'Assemble report' }).click();
    for (const heading of [
      'Actions from previous reviews',
      'Audit results',
      'Nonconformities and corrective actions',
      'Risks',
      'Objectives and KPIs',
      'Check results and evidence',
      'Policies',
      'Incidents, reports and availability',
      'Decisions and actions',
    ]) {
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
    }
    await page.getByText(`Attendees: ${attendee}.`, { exact: true }).waitFor();
    const objectives = page.getByRole('region', { name: 'Objectives and KPIs' });
    await objectives.getByRole('cell', { name: 'Reliable object storage' }).waitFor();
    await objectives.getByRole('cell', { name: 'at risk' }).waitFor();
    await page
      .getByRole('region', { name: 'Incidents, reports and availability' })
      .getByText(/incident\(s\) became known in the period/)
      .waitFor();
    const region = (name: string) => page.getByRole('region', { name });
    await region('Risks')
      .getByText(/^Open risks: [1-9]\d*\./)
      .waitFor();
    await region('Risks')
      .getByText(/^Accepted risks: [1-9]\d*\./)
      .waitFor();
    await region('Audit results')
      .getByText(/, [1-9]\d* minor nonconformities,/)
      .waitFor();
    await region('Nonconformities and corrective actions')
      .getByText(/Closed in the period: [1-9]/)
      .waitFor();
    await region('Policies')
      .getByText(/^Published policies: [1-9]/)
      .waitFor();
    const campaign = region('Policies').getByRole('row').filter({ hasText: toAccept.title });
    assert.match((await campaign.first().textContent()) ?? '', /[1-9]\d* of \d+/);

    await page.getByLabel('Decision or action').fill('Extend vulnerability scanning to OSL1');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page
      .getByRole('region', { name: 'Decisions and actions' })
      .getByText(/^Extend vulnerability scanning to OSL1/)
      .waitFor();
    // Reloaded so the success toasts (a shared component with its own findings) are gone before axe runs.
    await page.reload();
    await page.getByRole('heading', { name: 'Decisions and actions', level: 2 }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Markdown' }).click(),
    ]);
    assert.match(
      download.suggestedFilename(),
      /^management-review-Management-review-2026-\d{4}-\d{2}-\d{2}\.md$/,
    );
    const md = readFileSync(await download.path(), 'utf8');
    assert.match(md, /^# Management review 2026\n/);
    assert.match(md, /\n## Risks\n/);
    assert.match(md, /\| Reliable object storage \| Availability \| \\>= 99\.9 % \| 99\.7 % \| at risk \|/);
    // The demo's two incidents lie before this period; the section says what the register holds for it.
    assert.match(
      md,
      /\n## Incidents, reports and availability\n\n\d+ incident\(s\) became known in the period/,
    );
    assert.match(md, /Availability over \d{4}-\d{2} to \d{4}-\d{2}: lowest /);
    assert.match(md, /- Extend vulnerability scanning to OSL1 \(owner: none; due: no date\)/);
  });

  test('the objectives and review pages pass axe', async () => {
    for (const [path, heading] of [
      ['/objectives', 'Objectives'],
      ['/management-reviews', 'Management reviews'],
    ] as const) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await seriousViolations(page), [], path);
    }
  });
});
