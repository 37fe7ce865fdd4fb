import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type BrowserApp, startBrowserApp } from '../support/browser-app.js';
import type { RunningApp } from './app-server.js';

const screenshots = process.env.TILLIT_SCREENSHOTS_DIR;
const LOGIN_LIMIT = 30;

async function shot(page: Page, name: string) {
  if (screenshots) await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
}

async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await fillSignIn(page, email, password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('organization-name').waitFor();
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

describe('the web app in Chromium', () => {
  let target: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let base: string;
  let adminEmail: string;
  let adminPassword: string;

  before(async () => {
    target = await startBrowserApp('ui', { TILLIT_LOGIN_RATE_LIMIT: String(LOGIN_LIMIT) });
    ({ app, browser } = target);
    ({ url: base, adminEmail, adminPassword } = app);
  });
  after(async () => {
    await target?.close();
  });

  test('a wrong password shows an error; Tab reaches the sign-in button and Enter submits', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), 'Sign in · Tillit');
    await fillSignIn(page, adminEmail, 'not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });
    await alert.filter({ hasText: 'wrong' }).waitFor();
    await shot(page, 'sign-in-error');

    await page.getByLabel(/^Password/).fill(adminPassword);
    await page.getByLabel('E-mail').focus();
    let focused = '';
    for (let i = 0; i < 5 && focused !== 'Sign in'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        document.activeElement?.tagName === 'BUTTON' ? (document.activeElement.textContent ?? '') : '',
      );
    }
    assert.equal(focused, 'Sign in', 'Tab moves from the fields to the sign-in button');
    await page.keyboard.press('Enter');
    await page.getByTestId('organization-name').filter({ hasText: 'Norrsken Cloud AB' }).waitFor();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    assert.equal(await page.title(), 'Overview · Tillit');
    await page.getByTestId('integrity-status').filter({ hasText: 'intact' }).waitFor();
    await shot(page, 'overview');
    await page.close();
  });

  test('the organisation page lists the data centres, saves the profile and validates locations', async () => {
    const page = await browser.newPage();
    await signIn(page, base, adminEmail, adminPassword);
    await nav(page, 'Organisation').click();
    await page.getByRole('heading', { name: 'Organisation', level: 1 }).waitFor();
    assert.equal(await page.title(), 'Organisation · Tillit');
    const locations = page.getByRole('table', { name: 'Locations' });
    for (const code of ['STO1', 'STO2', 'OSL1'])
      await locations.getByRole('cell', { name: code, exact: true }).waitFor();

    await page.getByLabel('Security contact e-mail').fill('psirt@norrsken.example');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Organisation profile saved').waitFor();
    await page.reload();
    await page.getByLabel('Security contact e-mail').waitFor();
    assert.equal(await page.getByLabel('Security contact e-mail').inputValue(), 'psirt@norrsken.example');

    await page.getByRole('button', { name: 'Add location' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add location' });
    await dialog.getByLabel(/^Code/).fill('!');
    await dialog.getByLabel(/^Name/).fill('Gothenburg data centre');
    await dialog.getByLabel(/^City/).fill('Göteborg');
    await dialog.getByLabel(/^Country/).fill('se');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Code must be 2–16 upper-case letters').waitFor();
    await shot(page, 'location-validation');
    await dialog.getByLabel(/^Code/).fill('GOT1');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await locations.getByRole('cell', { name: 'GOT1', exact: true }).waitFor();
    assert.equal(await locations.getByRole('cell', { name: 'SE', exact: true }).count(), 3);

    await page.getByRole('button', { name: 'Remove GOT1' }).click();
    await page
      .getByRole('dialog', { name: 'Remove location GOT1?' })
      .getByRole('button', { name: 'Remove' })
      .click();
    await page.getByText('Location removed').waitFor();
    await locations.getByRole('cell', { name: 'GOT1', exact: true }).waitFor({ state: 'detached' });
    await shot(page, 'organization');
    await page.close();
  });

  test('an admin invites an auditor, who accepts and sees no user management', async () => {
    const page = await browser.newPage();
    await signIn(page, base, adminEmail, adminPassword);
    await nav(page, 'Users').click();
    await page.getByRole('button', { name: 'Invite' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a person' });
    await dialog.getByLabel('E-mail').fill('auditor@extern.example');
    await dialog.getByLabel('Name').fill('External Auditor');
    await dialog.getByRole('combobox', { name: 'Role', exact: true }).click();
    await page.getByRole('option', { name: 'Auditor' }).click();
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const inviteUrl = (await dialog.getByTestId('invite-url').textContent())?.trim() ?? '';
    assert.match(inviteUrl, /\/accept-invite\?token=/);
    await dialog.getByRole('button', { name: 'Copy link' }).waitFor();
    await shot(page, 'invite');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    const users = page.getByRole('table', { name: 'Users' });
    await users.getByRole('row').filter({ hasText: 'auditor@extern.example' }).getByText('invited').waitFor();
    await page.close();

    const context = await browser.newContext();
    const invitee = await context.newPage();
    await invitee.goto(inviteUrl);
    assert.equal(await invitee.title(), 'Accept invitation · Tillit');
    await invitee.getByLabel('Your name').fill('Agnes Auditor');
    await invitee.getByLabel(/^Password/).fill('a long and private passphrase');
    await invitee.getByLabel(/^Repeat password/).fill('a long and private passphrase');
    await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
    await invitee.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await nav(invitee, 'Audit log').waitFor();
    await invitee.getByTestId('integrity-status').waitFor();
    await shot(invitee, 'auditor-overview');
    assert.equal(await nav(invitee, 'Users').count(), 0, 'an auditor has no Users page');
    await invitee.goto(`${base}/users`);
    await invitee.getByRole('alert').filter({ hasText: 'users.read' }).waitFor();
    assert.equal(await invitee.getByRole('button', { name: 'Invite' }).count(), 0);

    await invitee.getByRole('button', { name: /account menu/ }).click();
    await invitee.getByRole('menuitem', { name: 'Account' }).click();
    await invitee.getByLabel(/^Current password/).fill('a long and private passphrase');
    await invitee.getByLabel(/^New password/).fill('an even longer private passphrase');
    await invitee.getByLabel(/^Repeat new password/).fill('an even longer private passphrase');
    await invitee.getByRole('button', { name: 'Change password' }).click();
    await invitee.getByText('Password changed').waitFor();
    await invitee.getByRole('button', { name: 'Create token' }).click();
    const tokenDialog = invitee.getByRole('dialog', { name: 'Create an API token' });
    await tokenDialog.getByLabel(/^Name/).fill('evidence upload');
    await tokenDialog.getByRole('checkbox', { name: 'audit.read' }).check();
    await tokenDialog.getByRole('button', { name: 'Create token' }).click();
    const token = (await tokenDialog.getByTestId('new-token').textContent())?.trim() ?? '';
    assert.match(token, /^tlt_/);
    await tokenDialog.getByRole('button', { name: 'Done' }).click();
    const tokens = invitee.getByRole('table', { name: 'API tokens' });
    await tokens.getByRole('cell', { name: 'evidence upload' }).waitFor();
    const viaToken = await fetch(`${base}/api/audit-events?pageSize=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(viaToken.status, 200, 'the token made in the browser works for automation');
    await shot(invitee, 'account');

    await invitee.getByRole('button', { name: 'Revoke' }).click();
    await invitee
      .getByRole('dialog', { name: 'Revoke evidence upload?' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await tokens.getByText('revoked').waitFor();
    const afterRevoke = await fetch(`${base}/api/audit-events?pageSize=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(afterRevoke.status, 401, 'a revoked token is refused');
    await context.close();
  });

  test('the audit log shows the changes, filters by action and downloads a signed checkpoint', async () => {
    const page = await browser.newPage();
    await signIn(page, base, adminEmail, adminPassword);
    await nav(page, 'Audit log').click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    assert.equal(await page.title(), 'Audit log · Tillit');
    await page.getByTestId('integrity-status').filter({ hasText: 'intact' }).waitFor();
    const table = page.getByRole('table', { name: 'Audit events' });
    await table.getByText('organization.updated').first().waitFor();
    await table.getByText('user.invited').first().waitFor();
    const allRows = await table.getByRole('button', { name: /^Show data of event/ }).count();

    await page.getByRole('combobox', { name: 'Action', exact: true }).click();
    await page.getByRole('option', { name: 'user.invited' }).click();
    await page
      .getByTestId('event-count')
      .filter({ hasText: /^1 event$/ })
      .waitFor();
    assert.equal(await table.getByText('organization.updated').count(), 0);
    assert.equal(await table.getByRole('button', { name: /^Show data of event/ }).count(), 1);
    assert.ok(allRows > 1, 'the unfiltered log has more than the one invitation');
    assert.match(page.url(), /action=user\.invited/);
    await table.getByRole('button', { name: /^Show data of event/ }).click();
    await table.getByText('"email": "auditor@extern.example"').waitFor();
    await shot(page, 'audit-log');

    const rootHash = (await page.getByTestId('root-hash').textContent())?.trim() ?? '';
    assert.match(rootHash, /^[0-9a-f]{64}$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Create signed checkpoint' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^tillit-checkpoint-\d+\.txt$/);
    const note = readFileSync(await download.path(), 'utf8');
    assert.match(note, /\n\n\u2014 \S+ \S+\n$/, 'the download is a signed note');
    await page.getByText('Signed checkpoint of').waitFor();
    await page.close();
  });

  test('an ended session returns to sign-in and back to the page; signing out returns to sign-in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, base, adminEmail, adminPassword);
    await page.getByTestId('integrity-status').waitFor();
    await page.waitForLoadState('networkidle');
    await context.clearCookies();
    await nav(page, 'Users').click();
    await page.getByRole('status').filter({ hasText: 'Your session has ended' }).waitFor();
    assert.match(page.url(), /\/sign-in\?next=%2Fusers$/);
    await fillSignIn(page, adminEmail, adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();

    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Tillit' }).waitFor();
    assert.equal(await page.getByTestId('organization-name').count(), 0);
    await page.goto(`${base}/audit-log`);
    await page.getByRole('heading', { name: 'Sign in to Tillit' }).waitFor();
    assert.match(page.url(), /\/sign-in\?next=%2Faudit-log$/);
    await context.close();
  });

  test('unknown addresses show a page-not-found page', async () => {
    const page = await browser.newPage();
    await signIn(page, base, adminEmail, adminPassword);
    await page.goto(`${base}/no-such-module`);
    await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Go to the overview' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await page.close();
  });

  // Last, because it uses up the sign-in budget of this address.
  test('too many sign-in attempts show the rate limit', async () => {
    let status = 0;
    for (let i = 0; i <= LOGIN_LIMIT && status !== 429; i++) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: adminEmail, password: 'guess' }),
      });
      status = res.status;
    }
    assert.equal(status, 429, 'the sign-in endpoint is rate limited');
    const page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    await fillSignIn(page, adminEmail, adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Too many attempts' }).waitFor();
    await shot(page, 'rate-limited');
    await page.close();
  });
});
