import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type BrowserApp, startBrowserApp } from '../support/browser-app.js';
import type { RunningApp } from './app-server.js';

const ISO = 'ISO/IEC 27001:2022';
const AUDIT = 'Internal audit of ISO 27001';
const ACTION = 'Build the scan scope from the inventory every night';
const VERIFIER = {
  email: 'cecilia@norrsken.example',
  name: 'Cecilia Compliance',
  password: 'a long compliance passphrase',
};

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** The admin invites the verifier the way people join Tillit: invitation, then acceptance. */
async function inviteVerifier(app: RunningApp) {
  const login = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: app.adminEmail, password: app.adminPassword }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const invitation = await fetch(`${app.url}/api/users/invitations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ email: VERIFIER.email, name: VERIFIER.name, role: 'compliance-manager' }),
  });
  assert.equal(invitation.status, 201, await invitation.clone().text());
  const { inviteToken } = (await invitation.json()) as { inviteToken: string };
  const accept = await fetch(`${app.url}/api/auth/accept-invite`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: inviteToken, name: VERIFIER.name, password: VERIFIER.password }),
  });
  assert.equal(accept.status, 200, await accept.clone().text());
}

async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
}

const facts = (page: Page) => page.getByTestId('nc-facts');
const alert = (page: Page, text: RegExp) => page.getByRole('alert').filter({ hasText: text });

/**
 * Waits until a confirmation toast has gone, so it does not sit over the next button to press. The pointer
 * leaves first: a toast under it pauses its own auto-close, and it would never go.
 */
async function toastGone(page: Page, text: RegExp) {
  const toast = page.getByRole('status').filter({ hasText: text });
  await toast.waitFor();
  await page.mouse.move(0, 0);
  await toast.waitFor({ state: 'hidden' });
}

describe('an internal audit in Chromium: checklist, minor NC, corrective action, verification by another person', () => {
  let target: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let ncUrl = '';

  before(async () => {
    target = await startBrowserApp('audits');
    ({ app, browser } = target);
    await inviteVerifier(app);
    page = await (await browser.newContext()).newPage();
    await signIn(page, app.url, app.adminEmail, app.adminPassword);
  });
  after(async () => {
    await target?.close();
  });

  test('plans an internal audit of ISO 27001; an end before the start is refused at its field', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audits', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Audits', level: 1 }).waitFor();
    await page
      .getByRole('table', { name: 'Audits' })
      .getByText('Internal ISMS audit: technological controls')
      .waitFor();
    await page.getByRole('button', { name: 'New audit' }).click();
    const dialog = page.getByRole('dialog', { name: 'New audit' });
    await dialog.getByLabel(/^Title/).fill(AUDIT);
    await dialog.getByLabel(/^Planned start/).fill('2026-12-10');
    await dialog.getByLabel(/^Planned end/).fill('2026-12-01');
    await dialog.getByLabel('Lead auditor').selectOption({ label: 'Administrator' });
    await dialog.getByRole('checkbox', { name: ISO }).check();
    await dialog.getByRole('button', { name: 'Plan audit' }).click();
    await dialog.getByText('The end must be on or after the start (2026-12-10)').waitFor();
    await dialog.getByLabel(/^Planned end/).fill('2026-12-12');
    await dialog.getByRole('button', { name: 'Plan audit' }).click();
    await page.getByRole('heading', { name: AUDIT, level: 1 }).waitFor();
    await page.getByTestId('audit-facts').getByText('Planned', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Scope' }).getByText('Whole organisation').waitFor();
    await page.getByRole('button', { name: 'Edit audit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit audit' });
    await edit.getByLabel(/^Planned end/).fill('2026-12-09');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText('The end must be on or after the start (2026-12-10)').waitFor();
    await edit.getByLabel(/^Planned end/).fill('2026-12-14');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByTestId('audit-facts').getByText('2026-12-10 – 2026-12-14').waitFor();
  });

  test('records a checklist result and raises a minor nonconformity on A.8.8', async () => {
    await page.getByRole('button', { name: 'Start audit' }).click();
    await page.getByTestId('audit-facts').getByText('In progress').waitFor();
    await page.getByLabel('Search checklist').fill('A.8.8');
    const row = page.locator('tr[data-item="A.8.8"]');
    await row.getByText('Vulnerability management').waitFor();
    await row.getByRole('button', { name: 'Record result for A.8.8' }).click();
    const result = page.getByRole('dialog', { name: 'Result for A.8.8' });
    await result.getByLabel('Result').selectOption('nonconform');
    await result.getByLabel('Notes').fill('Two new hosts were missing from the scan scope');
    await result.getByRole('button', { name: 'Save result' }).click();
    await result.waitFor({ state: 'detached' });
    await row.getByText('Nonconform').waitFor();
    await page
      .getByTestId('checklist-progress')
      .filter({ hasText: /^1 of \d+ checked/ })
      .waitFor();

    await row.getByRole('button', { name: 'Raise finding on A.8.8' }).click();
    const finding = page.getByRole('dialog', { name: 'Raise finding' });
    await finding.getByLabel('Type').selectOption('minor-nc');
    await finding.getByLabel(/^Description/).fill('Vulnerability scans did not reach every host');
    await finding.getByRole('button', { name: 'Raise finding' }).click();
    await finding.waitFor({ state: 'detached' });
    const findings = page.getByRole('table', { name: 'Findings' });
    await findings.getByText('Minor nonconformity').waitFor();
    const link = findings.getByRole('link', { name: /^NC-\d{3}$/ });
    await link.click();
    await page.getByRole('heading', { name: /^NC-\d{3} Minor nonconformity$/, level: 1 }).waitFor();
    ncUrl = page.url();
    await facts(page).getByText('Open', { exact: true }).waitFor();
    await facts(page)
      .getByRole('link', { name: `Audit: ${AUDIT}` })
      .waitFor();
  });

  test('root cause before corrective action; the action must be done before verification', async () => {
    await page.getByRole('button', { name: 'Start correction' }).click();
    await facts(page).getByText('Correction', { exact: true }).waitFor();
    await toastGone(page, /NC-\d{3} moved to correction/);
    await page.getByRole('button', { name: 'Move to corrective action' }).click();
    await alert(page, /Record the root cause of NC-\d{3} before corrective action/).waitFor();
    await page.getByRole('textbox', { name: /^Correction/ }).fill('The two hosts were scanned the same day');
    await page.getByRole('textbox', { name: /^Root cause/ }).fill('New hosts join the scan scope by hand');
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: VERIFIER.name });
    await page.getByRole('button', { name: 'Save analysis' }).click();
    await toastGone(page, /NC-\d{3} saved/);
    await page.getByRole('button', { name: 'Move to corrective action' }).click();
    await facts(page).getByText('Corrective action', { exact: true }).waitFor();
    await facts(page).getByText(VERIFIER.name).waitFor();

    const form = page.getByRole('form', { name: 'Add corrective action' });
    await form.getByRole('textbox', { name: /^Action/ }).fill(ACTION);
    await form.getByLabel(/^Action owner/).selectOption({ label: 'Administrator' });
    await form.getByLabel(/^Due date/).fill(inDays(14));
    await form.getByRole('button', { name: 'Add action' }).click();
    const actions = page.getByRole('table', { name: 'Corrective actions' });
    await actions.getByText(ACTION).waitFor();
    await page.getByRole('button', { name: 'Submit for verification' }).click();
    await alert(page, /must be done first/).waitFor();
    await actions.getByRole('button', { name: `Mark done: ${ACTION}` }).click();
    await actions.getByRole('button', { name: `Reopen: ${ACTION}` }).waitFor();
    await page.getByRole('button', { name: 'Submit for verification' }).click();
    await facts(page).getByText('Verification', { exact: true }).waitFor();
  });

  test('the action owner may not verify; another person verifies it effective and closes it', async () => {
    const verify = page.getByRole('form', { name: 'Verify effectiveness' });
    await verify.getByRole('button', { name: 'Record verification' }).click();
    await alert(page, /someone other than the action owner/).waitFor();

    const other = await (await browser.newContext()).newPage();
    await signIn(other, app.url, VERIFIER.email, VERIFIER.password);
    await other.goto(ncUrl);
    const form = other.getByRole('form', { name: 'Verify effectiveness' });
    await form.getByLabel('Result').selectOption('effective');
    await form.getByLabel('Verification notes').fill('The nightly scope matched the inventory');
    await form.getByRole('button', { name: 'Record verification' }).click();
    await other
      .getByRole('table', { name: 'Verifications' })
      .getByText(VERIFIER.name, { exact: false })
      .waitFor();
    await other.getByRole('button', { name: 'Close nonconformity' }).click();
    await facts(other).getByText('Closed', { exact: true }).waitFor();
    assert.equal(await other.getByRole('button', { name: 'Close nonconformity' }).count(), 0);

    await other
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'Nonconformities' })
      .click();
    await other.getByLabel('Status').selectOption('closed');
    const register = other.getByRole('table', { name: 'Nonconformities' });
    await register.getByText('Vulnerability scans did not reach every host').waitFor();
  });

  test('one form plans an audit with its scope and edits it: the edit opens with the saved values and no scope', async () => {
    await page.goto(`${app.url}/audits`);
    await page.getByRole('heading', { name: 'Audits', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New audit' }).click();
    const create = page.getByRole('dialog', { name: 'New audit' });
    await create.getByLabel('Programme').waitFor();
    await create.getByLabel(/^Title/).fill('Audit of the backup service');
    await create.getByLabel(/^Planned start/).fill('2027-01-10');
    await create.getByLabel(/^Planned end/).fill('2027-01-12');
    await create.getByLabel('External auditor or certification body').fill('Nordic Certification AB');
    await create.getByRole('checkbox', { name: ISO }).check();
    await create.getByRole('button', { name: 'Plan audit' }).click();
    await page.getByRole('heading', { name: 'Audit of the backup service', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Edit audit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit audit' });
    assert.equal(await edit.getByLabel(/^Title/).inputValue(), 'Audit of the backup service');
    assert.equal(await edit.getByLabel(/^Planned start/).inputValue(), '2027-01-10');
    assert.equal(await edit.getByLabel(/^Planned end/).inputValue(), '2027-01-12');
    assert.equal(
      await edit.getByLabel('External auditor or certification body').inputValue(),
      'Nordic Certification AB',
    );
    assert.equal(await edit.getByLabel('Programme').count(), 0, 'the programme is chosen when planning');
    assert.equal(await edit.getByRole('checkbox', { name: ISO }).count(), 0, 'the scope stays as planned');
    await edit.getByLabel(/^Title/).fill('Audit of the backup service in OSL1');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Audit of the backup service in OSL1', level: 1 }).waitFor();
    await page.getByTestId('audit-facts').getByText('2027-01-10 – 2027-01-12').waitFor();
  });
});
