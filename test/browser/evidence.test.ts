import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type BrowserApp, signedInPage, startBrowserApp } from '../support/browser-app.js';

const nav = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

describe('evidence, checks and tasks in Chromium', () => {
  let target: BrowserApp;
  let page: Page;
  const files = mkdtempSync(path.join(os.tmpdir(), 'tillit-evidence-ui-'));

  before(async () => {
    target = await startBrowserApp('evidence-ui', { TILLIT_JOBS: 'false' });
    page = await signedInPage(target, { acceptDownloads: true });
  });
  after(async () => {
    await target?.close();
  });

  test('upload a file as evidence for a control and see it listed; the control turns fresh', async () => {
    await nav(page, 'Evidence').click();
    await page.getByRole('heading', { name: 'Evidence', level: 1 }).waitFor();
    assert.equal(await page.title(), 'Evidence · Tillit');
    await page.getByRole('button', { name: 'Upload file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload evidence' });
    await dialog.getByLabel('Title').fill('Weekly vulnerability scan report');
    const report = path.join(files, 'scan-report.pdf');
    writeFileSync(
      report,
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('%%EOF\n')]),
    );
    await dialog.locator('input[type="file"]').setInputFiles(report);
    await dialog.getByLabel('Valid from').fill('2026-01-05');
    const controls = dialog.getByRole('combobox', { name: 'Controls' });
    await controls.fill('Vulnerability');
    await page.getByRole('option', { name: /Vulnerability management/ }).click();
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The newest evidence comes first and this file is dated back in January: search for it.
    await page.getByLabel('Search').fill('Weekly vulnerability scan');
    const table = page.getByRole('table', { name: 'Evidence' });
    const row = table.getByRole('row').filter({ hasText: 'Weekly vulnerability scan report' });
    await row.waitFor();
    await row.getByText('scan-report.pdf').waitFor();
    await row.getByText('application/pdf').waitFor();
    assert.match((await row.textContent()) ?? '', /2026-01-05/);
    await row.getByText('Fresh').waitFor();

    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'Expired', exact: true }).click();
    await page.getByTestId('empty-state').getByText('No evidence matches').waitFor();
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: /Fresh/ }).click();
    await row.waitFor();

    await row.getByRole('link', { name: /^CTL-/ }).click();
    await page.getByTestId('control-facts').getByText('Evidence fresh').waitFor();
  });

  test('a new check fails when run: its owner gets a task and a note in the inbox', async () => {
    await nav(page, 'Checks').click();
    await page.getByRole('heading', { name: 'Checks', level: 1 }).waitFor();
    // The demo watches a few controls already; this check is new beside them.
    await page.getByRole('link', { name: 'Disk encryption compliance job (CI)' }).waitFor();
    await page.getByRole('button', { name: 'New check' }).click();
    const dialog = page.getByRole('dialog', { name: 'New check' });
    await dialog.getByLabel('Name').fill('Quarterly access review done');
    await dialog.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Freshness of evidence' }).click();
    await dialog.getByLabel('Maximum age in days').fill('92');
    await dialog.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'Administrator' }).click();
    await dialog.getByLabel('Schedule').fill('0 25 * * *');
    await dialog.getByRole('button', { name: 'Create check' }).click();
    await dialog.getByText(/hour field "25"/).waitFor();
    await dialog.getByLabel('Schedule').fill('0 6 * * 1');
    await dialog.getByRole('button', { name: 'Create check' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Quarterly access review done' }).click();
    await page.getByRole('heading', { name: 'Quarterly access review done', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.getByRole('table', { name: 'Results' }).getByText('Fail').waitFor();

    await nav(page, 'Tasks').click();
    await page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor();
    await page.locator('label', { hasText: 'Everyone’s' }).click();
    await page.getByText('Check failing: Quarterly access review done').waitFor();

    await nav(page, /^Inbox 1 unread$/).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    const inbox = page.getByRole('list', { name: 'Notifications' });
    await inbox.getByRole('link', { name: 'Check failing: Quarterly access review done' }).waitFor();
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await nav(page, /^Inbox$/).waitFor();
  });
});
