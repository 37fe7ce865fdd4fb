import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type BrowserApp, startBrowserApp } from '../support/browser-app.js';
import { sharedData } from '../support/paths.js';
import type { RunningApp } from './app-server.js';

const sharedDataDir = sharedData('');
const screenshots = process.env.TILLIT_SCREENSHOTS_DIR;
const ISO = 'ISO/IEC 27001:2022';
interface Person {
  email: string;
  name: string;
  password: string;
}
const MANAGER: Person = {
  email: 'cecilia@norrsken.example',
  name: 'Cecilia Compliance',
  password: 'a long compliance passphrase',
};
const ENGINEER: Person = {
  email: 'erik@norrsken.example',
  name: 'Erik Engineer',
  password: 'a long engineering passphrase',
};

async function shot(page: Page, name: string) {
  if (screenshots) await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** Signs in over HTTP and returns what a JSON client needs: the session cookie and the CSRF token. */
async function apiSignIn(base: string, email: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** People join the way they do in Tillit: the admin invites, the invitee accepts. */
async function invite(app: RunningApp, person: Person, role: string) {
  const admin = await apiSignIn(app.url, app.adminEmail, app.adminPassword);
  const invitation = await fetch(`${app.url}/api/users/invitations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    body: JSON.stringify({ email: person.email, name: person.name, role }),
  });
  assert.equal(invitation.status, 201, await invitation.clone().text());
  const { inviteToken } = (await invitation.json()) as { inviteToken: string };
  const accept = await fetch(`${app.url}/api/auth/accept-invite`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: inviteToken, name: person.name, password: person.password }),
  });
  assert.equal(accept.status, 200, await accept.clone().text());
}

async function signIn(page: Page, base: string, person: Person) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel(/^Password/).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

const requirementRow = (page: Page, ref: string) => page.locator(`tr[data-requirement="${ref}"]`);

async function searchRequirements(page: Page, text: string) {
  await page.getByLabel('Search requirements').fill(text);
  await page.waitForURL((url) => url.searchParams.get('q') === text);
}

const coverageCard = (page: Page) => page.getByRole('region', { name: ISO });

/** Reads one figure of the framework's coverage card, e.g. "1 of 2 (50 %)" → 1. */
async function coverageFigure(page: Page, testId: string): Promise<number> {
  await page.waitForLoadState('networkidle');
  const text = (await coverageCard(page).getByTestId(testId).textContent()) ?? '';
  const n = /^\d+/.exec(text.trim());
  assert.ok(n, `coverage ${testId} shows a number: ${text}`);
  return Number(n[0]);
}

describe('the compliance manager in Chromium: frameworks, applicability, controls, coverage, SoA', () => {
  let target: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  before(async () => {
    // No demo programme: this test installs the framework itself.
    target = await startBrowserApp('compliance', { TILLIT_DEMO_PROGRAMME: 'false' });
    ({ app, browser } = target);
    await invite(app, MANAGER, 'compliance-manager');
    await invite(app, ENGINEER, 'contributor');
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signIn(page, app.url, MANAGER);
  });
  after(async () => {
    await target?.close();
  });

  test('installs ISO 27001 from the library and opens it', async () => {
    await nav(page, 'Frameworks').click();
    await page.getByRole('heading', { name: 'Frameworks', level: 1 }).waitFor();
    assert.equal(await page.title(), 'Frameworks · Tillit');
    const installed = page.getByRole('table', { name: 'Installed frameworks' });
    assert.equal(await installed.getByRole('link', { name: ISO }).count(), 0);
    await page.getByRole('button', { name: `Install ${ISO}` }).click();
    await page.getByText(`${ISO} installed with`).waitFor();
    await installed.getByRole('link', { name: ISO }).waitFor();
    await installed.getByText('copyright ISO/IEC').waitFor();
    assert.equal(await page.getByRole('button', { name: `Install ${ISO}` }).count(), 0);
    await shot(page, 'frameworks');

    await installed.getByRole('link', { name: ISO }).click();
    await page.getByRole('heading', { name: ISO, level: 1 }).waitFor();
    const table = page.getByRole('table', { name: `Requirements of ${ISO}` });
    await requirementRow(page, 'A.5.1').waitFor();
    await requirementRow(page, 'A.8.34').waitFor();
    await table.getByText('Organizational controls').first().waitFor();
    assert.equal(await requirementRow(page, 'A.5.1').getByText('Not yet decided').count(), 1);
  });

  test('marks A.5.1 applicable on its page; the justification is required', async () => {
    await searchRequirements(page, 'A.5.1');
    await requirementRow(page, 'A.5.1').getByRole('link').click();
    await page.getByRole('heading', { name: /^A\.5\.1 /, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Guidance' }).waitFor();
    const decision = page.getByRole('region', { name: 'Applicability' });
    await decision.getByTestId('applicability').getByText('Not yet decided').waitFor();
    await decision.getByRole('radio', { name: 'Applicable', exact: true }).check();
    await decision.getByRole('button', { name: 'Save decision' }).click();
    await decision.getByText('A justification is required').waitFor();
    await decision
      .getByLabel(/^Justification/)
      .fill('Management sets and approves the policy set; required by our risk treatment plan.');
    await decision.getByRole('button', { name: 'Save decision' }).click();
    await decision.getByTestId('applicability').getByText('Applicable', { exact: true }).waitFor();
    await decision.getByText(/^Decided .* by Cecilia Compliance$/).waitFor();
    await shot(page, 'requirement');
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: ISO }).click();
    await searchRequirements(page, 'A.5.1');
    await requirementRow(page, 'A.5.1').getByText('Applicable', { exact: true }).waitFor();
    await requirementRow(page, 'A.5.1').getByText('No control mapped').waitFor();
  });

  test('marks A.7.4 not applicable from the list with a justification', async () => {
    await searchRequirements(page, 'A.7.4');
    const row = requirementRow(page, 'A.7.4');
    await row.getByText('Not yet decided').waitFor();
    await row.getByRole('checkbox', { name: 'Select A.7.4' }).check();
    await page.getByTestId('selected-count').filter({ hasText: '1 selected' }).waitFor();
    await page.getByRole('button', { name: 'Mark not applicable' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark 1 requirement not applicable' });
    await dialog.getByRole('button', { name: 'Mark not applicable' }).click();
    await dialog.getByText('A justification is required').waitFor();
    await dialog
      .getByLabel(/^Justification/)
      .fill('Our data centres are run by a colocation partner who monitors them.');
    await dialog.getByRole('button', { name: 'Mark not applicable' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Not applicable', { exact: true }).waitFor();
    await row.getByText('colocation partner').waitFor();
    await page.getByTestId('selected-count').filter({ hasText: 'Select requirements' }).waitFor();
    await shot(page, 'framework');
  });

  test('a control mapped to A.5.1 through the picker moves the coverage', async () => {
    await nav(page, 'Coverage').click();
    await page.getByRole('heading', { name: 'Coverage', level: 1 }).waitFor();
    const coveredBefore = await coverageFigure(page, 'covered');
    assert.equal(coveredBefore, 0, 'nothing is covered before the first control');

    await nav(page, 'Controls').click();
    await page.getByRole('heading', { name: 'Controls', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New control' }).click();
    const dialog = page.getByRole('dialog', { name: 'New control' });
    await dialog.getByLabel(/^Title/).fill('Information security policy set');
    await dialog
      .getByLabel(/^Implementation statement/)
      .fill('The policy set is **approved** by management.');
    await dialog.getByLabel('Find requirements').fill('A.5.1');
    await dialog.getByRole('checkbox', { name: /^A\.5\.2 / }).waitFor({ state: 'detached' });
    await dialog.getByRole('checkbox', { name: /^A\.5\.1 / }).check();
    await dialog.getByTestId('picked-count').filter({ hasText: '1 requirement chosen' }).waitFor();
    await shot(page, 'new-control');
    await dialog.getByRole('button', { name: 'Create control' }).click();
    await page
      .getByRole('heading', { name: /^CTL-001 Information security policy set$/, level: 1 })
      .waitFor();
    const mapped = page.getByRole('table', { name: 'Requirements this control meets' });
    await mapped.getByRole('link', { name: /^A\.5\.1 / }).waitFor();
    await page
      .getByRole('region', { name: 'Implementation statement' })
      .locator('strong', { hasText: 'approved' })
      .waitFor();
    await shot(page, 'control');

    await nav(page, 'Coverage').click();
    // The dashboard may show the figure it had while it fetches the new one.
    await coverageCard(page)
      .getByTestId('covered')
      .filter({ hasText: new RegExp(`^${coveredBefore + 1} of `) })
      .waitFor();
    assert.equal(await coverageFigure(page, 'covered'), coveredBefore + 1, 'the control covers A.5.1');
    await shot(page, 'coverage');
  });

  test('the manager makes an engineer the owner, who marks the control implemented', async () => {
    await nav(page, 'Controls').click();
    await page
      .getByRole('table', { name: 'Controls' })
      .getByRole('link', { name: 'Information security policy set' })
      .click();
    await page.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: ENGINEER.name }).click();
    await page.getByRole('button', { name: 'Save control' }).click();
    await page.getByText('Control CTL-001 saved').waitFor();
    await page.getByTestId('control-facts').getByText(ENGINEER.name).waitFor();
    await nav(page, 'Coverage').click();
    const implementedBefore = await coverageFigure(page, 'implemented');

    const context = await browser.newContext();
    const owner = await context.newPage();
    await signIn(owner, app.url, ENGINEER);
    await nav(owner, 'Controls').click();
    await owner.getByRole('heading', { name: 'Controls', level: 1 }).waitFor();
    assert.equal(await owner.getByRole('button', { name: 'New control' }).count(), 0, 'only managers create');
    await owner.getByRole('link', { name: 'Information security policy set' }).click();
    assert.equal(
      await owner.getByRole('combobox', { name: 'Owner' }).count(),
      0,
      'no people list without users.read',
    );
    assert.ok(
      await owner.getByRole('textbox', { name: 'Reference' }).isDisabled(),
      'only managers change refs',
    );
    await owner.getByRole('combobox', { name: 'Status' }).click();
    await owner.getByRole('option', { name: 'Implemented' }).click();
    await owner.getByRole('button', { name: 'Save control' }).click();
    await owner.getByTestId('control-facts').getByText('Implemented').waitFor();
    await shot(owner, 'control-owner');
    await context.close();

    await page.reload();
    await coverageCard(page)
      .getByTestId('implemented')
      .filter({ hasText: new RegExp(`^${implementedBefore + 1} of `) })
      .waitFor();
  });

  test('evidence uploaded through the evidence panel of the control makes it fresh', async () => {
    await nav(page, 'Coverage').click();
    const freshBefore = await coverageFigure(page, 'evidence-fresh');
    const missingBefore = await coverageFigure(page, 'evidence-missing');

    await nav(page, 'Controls').click();
    await page
      .getByRole('table', { name: 'Controls' })
      .getByRole('link', { name: 'Information security policy set' })
      .click();
    await page.getByTestId('control-facts').getByText('No evidence').waitFor();
    const panel = page.getByRole('region', { name: 'Evidence' });
    await panel.getByRole('button', { name: 'Upload file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload evidence' });
    await dialog.getByLabel(/^Title/).fill('Management approval of the policy set');
    await dialog.getByLabel(/^File/).setInputFiles({
      name: 'approval.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Minutes: the management team approved the information security policy set.\n'),
    });
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await dialog.waitFor({ state: 'detached' });
    await panel.getByText('Management approval of the policy set').waitFor();
    await page.getByTestId('control-facts').getByText('Evidence fresh').waitFor();
    await shot(page, 'control-evidence');

    await nav(page, 'Coverage').click();
    await coverageCard(page)
      .getByTestId('evidence-fresh')
      .filter({ hasText: String(freshBefore + 1) })
      .waitFor();
    assert.equal(await coverageFigure(page, 'evidence-missing'), missingBefore - 1);
  });

  test('imports an OSCAL catalog; a file that is not JSON gets a clear error', async () => {
    await nav(page, 'Frameworks').click();
    await page.getByRole('button', { name: 'Import OSCAL' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import an OSCAL framework' });
    const file = dialog.getByLabel(/^OSCAL JSON file/);
    await file.setInputFiles({
      name: 'catalog.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"catalog": '),
    });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText('catalog.json is not a JSON file').waitFor();
    await file.setInputFiles(path.join(sharedDataDir, 'oscal-basic-catalog.json'));
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: /^Sample Security Catalog/, level: 1 }).waitFor();
    await page.getByRole('cell', { name: '2 Access control' }).waitFor();
    await shot(page, 'oscal-import');
    await requirementRow(page, '1.1.1').getByRole('link').click();
    await page
      .getByRole('heading', { name: '1.1.1 Information security roles and responsibilities' })
      .waitFor();
    await page
      .getByRole('region', { name: 'Statement' })
      .getByText('should be defined and allocated')
      .waitFor();
    await page.getByRole('region', { name: 'Parameters' }).getByText('a duration', { exact: true }).waitFor();
    await shot(page, 'oscal-requirement');
  });

  test('downloads the mappings as CSV and imports them again unchanged', async () => {
    await nav(page, 'Frameworks').click();
    const mappings = page.getByRole('region', { name: 'Cross-framework mappings' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      mappings.getByRole('link', { name: 'Download mappings (CSV)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'tillit-mappings.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const rows = csv.trim().split(/\r?\n/).length - 1;
    assert.match(csv, /^\uFEFF?source_framework,source_ref,target_framework,target_ref,relationship,note/);
    assert.ok(rows > 0, 'installing ISO 27001 brought its built-in mappings');
    await mappings.getByLabel(/^Mapping CSV file/).setInputFiles(await download.path());
    await mappings.getByRole('button', { name: 'Import mappings' }).click();
    await mappings
      .getByRole('status')
      .filter({ hasText: `0 mappings imported, ${rows} unchanged` })
      .waitFor();
  });

  test('downloads the Statement of Applicability as XLSX', async () => {
    await nav(page, 'Frameworks').click();
    await page.getByRole('table', { name: 'Installed frameworks' }).getByRole('link', { name: ISO }).click();
    const soa = page.getByRole('region', { name: 'Statement of Applicability' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      soa.getByRole('link', { name: 'Download XLSX' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^SoA-ISO-IEC-27001-2022-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = readFileSync(await download.path());
    assert.equal(file.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file is a ZIP archive');
  });

  test('the coverage drill-down keeps its service and page in the address: reload, back and forward show the same list', async () => {
    // Services are the admin's to add.
    const admin = await apiSignIn(app.url, app.adminEmail, app.adminPassword);
    const created = await fetch(`${app.url}/api/services`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      body: JSON.stringify({ name: 'Drill-down probe service' }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { id: serviceId } = (await created.json()) as { id: string };

    await nav(page, 'Coverage').click();
    await coverageCard(page)
      .getByRole('link', { name: / not yet decided$/ })
      .first()
      .click();
    await page.getByRole('heading', { name: `${ISO}: applicability not yet decided`, level: 1 }).waitFor();
    const frameworkId = new URL(page.url()).pathname.split('/')[2];
    const { total } = (await (
      await page.request.get(
        `${app.url}/api/frameworks/${frameworkId}/coverage/requirements?filter=undecided&serviceId=${serviceId}&pageSize=1`,
      )
    ).json()) as { total: number };
    assert.ok(total > 50, `more undecided requirements than one page holds: ${total}`);
    const table = `table[aria-label="${ISO}: Applicability not yet decided"] tbody tr`;
    const rowsShown = (n: number) =>
      page.waitForFunction(
        ([selector, expected]) => document.querySelectorAll(selector).length === expected,
        [table, n] as const,
      );
    const currentPage = (n: number) =>
      page.getByRole('button', { name: `Page ${n}`, exact: true }).and(page.locator('[aria-current="page"]'));
    const params = () => new URL(page.url()).searchParams;
    const service = page.getByRole('combobox', { name: 'Service' });
    // After a reload the list is asked for with the service and page the address holds.
    const listRequested = (n: number) =>
      page.waitForRequest((req) => {
        const url = new URL(req.url());
        return (
          url.pathname === `/api/frameworks/${frameworkId}/coverage/requirements` &&
          url.searchParams.get('serviceId') === serviceId &&
          url.searchParams.get('page') === String(n)
        );
      });

    await service.click();
    await page.getByRole('option', { name: 'Drill-down probe service' }).click();
    await page.waitForURL((url) => url.searchParams.get('serviceId') === serviceId);
    await rowsShown(50);
    await page.getByRole('button', { name: 'Page 2', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await rowsShown(Math.min(50, total - 50));

    const reloaded = listRequested(2);
    await page.reload();
    await reloaded;
    await currentPage(2).waitFor();
    await rowsShown(Math.min(50, total - 50));

    await page.goBack();
    await currentPage(1).waitFor();
    assert.equal(params().get('page'), null, 'back returns to the first page');
    assert.equal(params().get('serviceId'), serviceId, 'back keeps the service');
    await rowsShown(50);

    await page.goForward();
    await currentPage(2).waitFor();
    assert.equal(params().get('serviceId'), serviceId, 'forward keeps the service');
    await rowsShown(Math.min(50, total - 50));
  });
});
