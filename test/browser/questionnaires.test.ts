import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { createTestInstance, type TestInstance } from '../support/test-database.js';
import { questionnaireWorkbook } from '../support/vsaq.js';
import { type RunningApp, startApp } from './app-server.js';

describe('security questionnaires in the browser', () => {
  let instance: TestInstance;
  let app: RunningApp;
  let browser: Browser;
  let dir: string;

  before(async () => {
    instance = await createTestInstance('questionnaires-ui');
    app = await startApp({ ...instance.env, TILLIT_JOBS: 'false' });
    browser = await launchBrowser();
    dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-questionnaire-'));
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await instance?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('staff upload a workbook, map its columns, review proposals, approve one and download the filled file', async () => {
    const file = path.join(dir, 'Acme questionnaire.xlsx');
    writeFileSync(
      file,
      await questionnaireWorkbook([
        'Is data at rest encrypted?',
        'Do you perform regular vulnerability scanning?',
        'How many parking spaces does your head office have?',
      ]),
    );
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel('E-mail').fill(app.adminEmail);
    await page.getByLabel(/^Password/).fill(app.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('organization-name').waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Questionnaires' })
      .click();
    await page.getByRole('heading', { name: 'Questionnaires', level: 1 }).waitFor();

    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload' }).click();
    const preview = page.getByRole('table', { name: 'Preview of Questions' });
    await preview.getByRole('cell', { name: 'Is data at rest encrypted?' }).waitFor();
    await page.getByLabel('Question column').fill('B');
    await page.getByLabel('Answer column').fill('C');
    await page.getByLabel('First question row').fill('3');
    await page.getByRole('button', { name: 'Import questions' }).click();

    await page.getByRole('heading', { name: 'Acme questionnaire', level: 1 }).waitFor();
    const row3 = page.getByRole('article', { name: 'Row 3' });
    await row3
      .getByRole('list', { name: 'Sources for row 3' })
      .getByText('FAQ: Is customer data encrypted at rest?')
      .waitFor();
    await page
      .getByRole('article', { name: 'Row 5' })
      .getByText('No approved content answers this question well enough; write the answer yourself.')
      .waitFor();

    const answer = 'Yes. Every customer disk is encrypted at rest; keys stay in each data centre.';
    await row3.getByLabel('Answer for row 3').fill(answer);
    await row3.getByRole('button', { name: 'Approve row 3' }).click();
    await page
      .getByRole('status')
      .getByText(/^1 approved/)
      .waitFor();
    await page.getByRole('article', { name: 'Row 3' }).getByText('Approved', { exact: true }).waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the answered file' }).click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), 'Acme questionnaire (answered).xlsx');
    const saved = path.join(dir, 'answered.xlsx');
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(saved)).buffer);
    const sheet = workbook.getWorksheet('Questions');
    assert.equal(sheet?.getCell('C3').value, answer);
    assert.equal(sheet?.getCell('C4').value, null, 'a proposal nobody approved is not written');
    assert.equal(sheet?.getRow(2).font?.bold, true);
    assert.deepEqual(sheet?.getCell('B2').fill, {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFFE699' },
    });
    assert.equal(sheet?.getColumn(2).width, 80);
    assert.ok(workbook.getWorksheet('Instructions'));
  });
});
