import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type BrowserApp, signedInPage, startBrowserApp } from '../support/browser-app.js';
import type { RunningApp } from './app-server.js';

describe('recurring activities and notification mail in Chromium', () => {
  let target: BrowserApp;
  let app: RunningApp;
  let page: Page;

  before(async () => {
    target = await startBrowserApp('activities-ui', { TILLIT_JOBS: 'false' });
    ({ app } = target);
    page = await signedInPage(target);
  });
  after(async () => {
    await target?.close();
  });

  test('the demo activities are listed; a new one shows its next occurrences and refuses a too frequent rule', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Recurring activities' })
      .click();
    const table = page.getByRole('table', { name: 'Recurring activities' });
    await table.getByRole('row').filter({ hasText: 'Fire-safety round OSL1' }).waitFor();
    await page.getByRole('button', { name: 'New activity' }).click();
    const dialog = page.getByRole('dialog', { name: 'New recurring activity' });
    await dialog.getByLabel('Title').fill('Yearly supplier review');
    await dialog.getByRole('textbox', { name: /^Schedule \(UTC\)/ }).fill('FREQ=SECONDLY');
    await dialog.getByText(/FREQ=SECONDLY is too frequent/).waitFor();
    await dialog
      .getByRole('textbox', { name: /^Schedule \(UTC\)/ })
      .fill('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1;BYHOUR=9');
    const preview = dialog.getByTestId('schedule-preview');
    await preview.getByRole('listitem').nth(4).waitFor();
    assert.deepEqual(
      (await preview.getByRole('listitem').allTextContents()).map((t) => t.slice(5)),
      Array.from({ length: 5 }, () => '03-01 09:00 UTC'),
    );
    await dialog.getByLabel('Kind').selectOption('supplier-review');
    await dialog.getByRole('combobox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: 'Ingrid Holm' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = table.getByRole('row').filter({ hasText: 'Yearly supplier review' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /03-01 09:00 UTC/);
  });

  test('the Account page keeps the notification mail choice', async () => {
    await page.goto(`${app.url}/account`);
    const group = page.getByRole('radiogroup', { name: 'Send me notifications by e-mail' });
    await group.getByRole('radio', { name: /Daily digest/ }).waitFor();
    assert.ok(await group.getByRole('radio', { name: /Daily digest/ }).isChecked());
    await group.getByRole('radio', { name: /Immediately/ }).check();
    await page.getByText('Notification mail saved').waitFor();
    await page.reload();
    assert.ok(await page.getByRole('radio', { name: /Immediately/ }).isChecked());
  });
});
