import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.js';
import { type BrowserApp, startBrowserApp } from '../support/browser-app.js';
import type { RunningApp } from './app-server.js';

const FIXTURE = new URL('../fixtures/hugo/faq-sv.md', import.meta.url).pathname;
const FIXTURE_EN = new URL('../fixtures/hugo/faq-en.md', import.meta.url).pathname;

describe('trust center in the browser', () => {
  let target: BrowserApp;
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    target = await startBrowserApp('trust-ui', { TILLIT_JOBS: 'false' });
    ({ app, browser } = target);
  });
  after(async () => {
    await target?.close();
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
    await page.getByLabel('Publish the imported answers at once (otherwise they are drafts)').check();
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
    // The imported page's own front matter comes back, so the file can replace the page on the website.
    assert.match(
      markdown,
      /^---\nlanguage: sv\ntitle: "Vanliga frågor om säkerhet"\n[\s\S]*\nslug: vanliga-fragor\n---\n/,
    );
    assert.ok(markdown.includes('{{% question question="Hur följer ni GDPR?" %}}'));
    assert.ok(markdown.includes('Vi är personuppgiftsbiträde och har ett DPA för alla kunder.'));
    assert.ok(markdown.includes('{{% question question="Vad betyder \\"99,9 % tillgänglighet\\"?" %}}'));
  });

  test('a new answer is a draft until published; a held answer is released only with a reason', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.goto(`${app.url}/trust-center`);
    await page.getByRole('heading', { name: 'Trust center', level: 1 }).waitFor();
    // The demo is consistent with its rule: the answer resting on a control without evidence is held.
    const iso = page.getByRole('row', { name: /Are you ISO 27001 certified\?/ });
    await iso.getByText('Hidden: needs review').waitFor();
    const visitor = await browser.newPage();
    await visitor.goto(`${app.url}/trust/faq`);
    await visitor.getByRole('heading', { name: 'Where is my data stored?', level: 3 }).waitFor();
    assert.equal(await visitor.getByText('Are you ISO 27001 certified?').count(), 0);

    await page.getByRole('button', { name: 'Release Are you ISO 27001 certified?' }).click();
    const dialog = page.getByRole('dialog', { name: 'Release a held answer' });
    const release = dialog.getByRole('button', { name: 'Release answer' });
    assert.equal(await release.isDisabled(), true, 'no release without a reason');
    await dialog
      .getByLabel('Why does the answer still hold?')
      .fill('The policy set was approved at the last management review; the minutes are being filed.');
    await release.click();
    await dialog.waitFor({ state: 'hidden' });
    await iso.getByText('Published, released by a person').waitFor();
    await visitor.reload();
    await visitor.getByRole('heading', { name: 'Are you ISO 27001 certified?', level: 3 }).waitFor();

    await page.getByRole('combobox', { name: 'Section' }).click();
    await page.getByRole('option', { name: 'Security (en)' }).click();
    await page.getByLabel('Question', { exact: true }).fill('Do you encrypt backups?');
    await page.getByLabel('Answer (Markdown)').fill('Yes, with keys kept in each data centre.');
    await page.getByRole('button', { name: 'Add question' }).click();
    const row = page.getByRole('row', { name: /Do you encrypt backups\?/ });
    await row.getByText('Draft').waitFor();
    await visitor.reload();
    assert.equal(await visitor.getByText('Do you encrypt backups?').count(), 0, 'a draft is not public');
    await page.getByRole('button', { name: 'Publish Do you encrypt backups?' }).click();
    await row.getByText('Published').waitFor();
    await visitor.reload();
    await visitor.getByRole('heading', { name: 'Do you encrypt backups?', level: 3 }).waitFor();
  });

  test('importing a FAQ that repeats the demo offers skip, replace or keep both per question', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.goto(`${app.url}/trust-center`);
    await page.getByRole('tab', { name: 'Hugo import and export' }).click();
    await page.locator('input[type=file]').setInputFiles(FIXTURE_EN);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const table = page.getByRole('table', { name: 'Near-duplicate questions' });
    const iso = table.getByRole('row', {
      name: /Are you ISO 27001 certified\?.*Are you ISO 27001 certified\?/,
    });
    await iso.waitFor();
    await page.getByRole('button', { name: 'Import with these choices' }).click();
    await page.getByText(/near-duplicates: \d+ skipped, 0 replaced\./).waitFor();
    await page.getByRole('tab', { name: 'FAQ' }).click();
    await page.getByRole('table', { name: 'FAQ entries' }).waitFor();
    assert.equal(
      await page.getByRole('row', { name: /Are you ISO 27001 certified\?/ }).count(),
      1,
      'the skipped question is not there twice',
    );
  });

  test('with the trust center unpublished, staff get a preview and visitors a page that says so', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.goto(`${app.url}/trust-center`);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Published: the public pages are visible to everyone').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('tab', { name: 'FAQ' }).click();
    await page.getByRole('alert').filter({ hasText: 'The trust center is not published' }).waitFor();
    const [preview] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Preview the trust center (not published)' }).click(),
    ]);
    await preview.getByRole('heading', { name: 'Norrsken Cloud trust center', level: 1 }).waitFor();
    await preview.getByText('Preview for staff').waitFor();
    const visitor = await browser.newPage();
    await visitor.goto(`${app.url}/trust`);
    await visitor
      .getByRole('heading', { name: 'This trust center is not published yet', level: 1 })
      .waitFor();
  });

  test('the FAQ list keeps its filter and page in the address: reload, back and forward show the same list', async () => {
    const page = await browser.newPage();
    await signIn(page);
    const { csrfToken } = (await (await page.request.get(`${app.url}/api/auth/session`)).json()) as {
      csrfToken: string;
    };
    const headers = { 'x-csrf-token': csrfToken };
    const section = await page.request.post(`${app.url}/api/faq/sections`, {
      headers,
      data: { title: 'Paging probes', language: 'en' },
    });
    assert.equal(section.status(), 201, await section.text());
    const { id: sectionId } = (await section.json()) as { id: string };
    // 51 more answers: the list has at least two pages of 50.
    for (let i = 1; i <= 51; i++) {
      const entry = await page.request.post(`${app.url}/api/faq/entries`, {
        headers,
        data: { sectionId, question: `Paging probe ${i}?`, answer: 'Yes.' },
      });
      assert.equal(entry.status(), 201, await entry.text());
    }
    const total = async (query: string) =>
      (
        (await (await page.request.get(`${app.url}/api/faq/entries?pageSize=1${query}`)).json()) as {
          total: number;
        }
      ).total;
    const all = await total('');
    const flagged = await total('&needsReview=true');
    assert.ok(flagged < 50, 'the review filter leaves fewer answers than one page');
    const rowsShown = (n: number) =>
      page.waitForFunction(
        (expected) =>
          document.querySelectorAll('table[aria-label="FAQ entries"] tbody tr').length === expected,
        n,
      );
    const currentPage = (n: number) =>
      page.getByRole('button', { name: `Page ${n}`, exact: true }).and(page.locator('[aria-current="page"]'));
    const params = () => new URL(page.url()).searchParams;
    const reviewOnly = page.getByRole('checkbox', { name: 'Only answers that need review' });
    const reviewChecked = (checked: boolean) =>
      page.getByRole('checkbox', { name: 'Only answers that need review', checked });

    await page.goto(`${app.url}/trust-center`);
    await page.getByRole('heading', { name: 'Trust center', level: 1 }).waitFor();
    await rowsShown(50);
    await page.getByRole('button', { name: 'Page 2', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await rowsShown(Math.min(50, all - 50));
    await page.reload();
    await currentPage(2).waitFor();
    await rowsShown(Math.min(50, all - 50));
    await page.goBack();
    await currentPage(1).waitFor();
    assert.equal(params().get('page'), null, 'back returns to the first page');
    await rowsShown(50);
    await page.goForward();
    await currentPage(2).waitFor();
    await rowsShown(Math.min(50, all - 50));

    // The box shows what the address says: it is ticked once the address holds the filter.
    await reviewOnly.click();
    await page.waitForURL((url) => url.searchParams.get('needsReview') === 'true');
    await reviewChecked(true).waitFor();
    assert.equal(params().get('page'), null, 'a filter change goes back to the first page');
    await rowsShown(flagged);
    await page.reload();
    await page.getByRole('heading', { name: 'Trust center', level: 1 }).waitFor();
    await rowsShown(flagged);
    await reviewChecked(true).waitFor(); // the filter survives a reload
    await page.goBack();
    await rowsShown(50);
    await reviewChecked(false).waitFor(); // back shows the unfiltered list
    await page.goForward();
    await rowsShown(flagged);
    await reviewChecked(true).waitFor(); // forward shows the filtered list again
  });

  test('staff place a service in Frankfurt; the Nordic residency claim fails, and restating it as EU/EEA holds', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page);
    await page.goto(`${app.url}/organization`);
    await page.getByRole('button', { name: 'Add location' }).click();
    const location = page.getByRole('dialog', { name: 'Add location' });
    await location.getByLabel('Code').fill('FRA1');
    await location.getByLabel('Name').fill('Frankfurt data centre');
    await location.getByLabel('City').fill('Frankfurt');
    await location.getByLabel('Country').fill('de');
    await location.getByRole('button', { name: 'Save' }).click();
    await location.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Edit Backup' }).click();
    const service = page.getByRole('dialog', { name: 'Edit Backup' });
    await service.getByRole('checkbox', { name: /^FRA1/ }).check();
    assert.equal(await service.getByLabel('Stores customer data in FRA1').isChecked(), true);
    await service.getByRole('button', { name: 'Add pairing' }).click();
    await service.getByLabel('Primary location of pairing 1').click();
    await page.getByRole('option', { name: 'STO2' }).click();
    await service.getByLabel('DR location of pairing 1').click();
    await page.getByRole('option', { name: 'FRA1' }).click();
    assert.deepEqual(await seriousViolations(page), [], 'the service form passes axe');
    await service.getByRole('button', { name: 'Save' }).click();
    await service.waitFor({ state: 'hidden' });
    const backup = page.getByRole('table', { name: 'Services' }).getByRole('row', { name: /Backup/ });
    await backup.getByRole('cell', { name: 'FRA1, OSL1, STO2' }).waitFor();
    await backup.getByRole('cell', { name: 'STO2 → FRA1' }).waitFor();

    await page.goto(`${app.url}/trust-center`);
    await page.getByRole('tab', { name: 'Claims' }).click();
    await page
      .getByText(
        /Claim residency-nordics contradicted: service Backup keeps data in FRA1 \(Frankfurt, Germany/,
      )
      .waitFor();
    const positions = page.getByRole('form', { name: 'Stated positions' });
    assert.deepEqual(await seriousViolations(page), [], 'the claims tab passes axe');
    await positions.getByLabel('Customer data stays in the Nordics').uncheck();
    await positions.getByLabel('Customer data stays in the EU/EEA').check();
    await positions.getByRole('button', { name: 'Save positions' }).click();
    const claims = page.getByRole('table', { name: 'Claims' });
    const eea = claims.getByRole('row', { name: /Customer data stays in the EU\/EEA/ });
    await eea.getByText('Holds').waitFor();
    assert.equal(await claims.getByRole('row', { name: /stays in the Nordics/ }).count(), 0);

    // The overview (previewed: an earlier test unpublished it) follows the records: FRA1 among the data centres,
    // and the EU/EEA position stated.
    await page.goto(`${app.url}/api/trust-center/preview`);
    await page.getByRole('cell', { name: 'Frankfurt' }).first().waitFor();
    await page
      .getByText(/Customer data stays in the EU\/EEA/)
      .first()
      .waitFor();
  });
});
