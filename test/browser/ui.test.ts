import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type RunningServer, startServer } from '../support/cli.js';
import { createTestInstance, type TestInstance } from '../support/test-database.js';

const CHROMIUM = '/usr/bin/chromium';
const screenshots = process.env.TILLIT_SCREENSHOTS_DIR;

async function shot(page: Page, name: string) {
  if (screenshots) await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('the web app in Chromium', () => {
  let instance: TestInstance;
  let server: RunningServer;
  let browser: Browser;
  let base: string;
  let adminEmail: string;
  let adminPassword: string;

  before(async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install chromium`,
    );
    instance = await createTestInstance('ui');
    server = await startServer(instance.env);
    base = server.url;
    adminEmail = /^\s*email:\s+(\S+)$/m.exec(server.stdout())?.[1] ?? '';
    adminPassword = /^\s*password:\s+(\S+)$/m.exec(server.stdout())?.[1] ?? '';
    assert.ok(adminEmail && adminPassword, 'the first start printed the admin credentials');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await instance?.dispose();
  });

  test('a wrong password shows an error; the keyboard alone signs in', async () => {
    const page = await browser.newPage();
    await signIn(page, base, adminEmail, 'not the password');
    await page.getByRole('alert').filter({ hasText: 'wrong' }).waitFor();
    await page.getByLabel(/^Password/).fill(adminPassword);
    await page.getByLabel(/^Password/).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('organization-name').filter({ hasText: 'Norrsken Cloud AB' }).waitFor();
    assert.equal(await page.title(), 'Overview · Tillit');
    await shot(page, 'overview');
    await page.close();
  });

  test('the organisation page lists the data centres and saves the security contact', async () => {
    const page = await browser.newPage();
    await signIn(page, base, adminEmail, adminPassword);
    await page.getByRole('link', { name: 'Organisation' }).click();
    const locations = page.getByRole('table', { name: 'Locations' });
    for (const code of ['STO1', 'STO2', 'OSL1'])
      await locations.getByRole('cell', { name: code, exact: true }).waitFor();
    await page.getByLabel('Security contact e-mail').fill('psirt@norrsken.example');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Organisation profile saved').waitFor();
    await page.reload();
    assert.equal(await page.getByLabel('Security contact e-mail').inputValue(), 'psirt@norrsken.example');
    await shot(page, 'organization');
    await page.close();
  });

  test('an admin invites an auditor, who accepts and sees no user management', async () => {
    const page = await browser.newPage();
    await signIn(page, base, adminEmail, adminPassword);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByLabel('E-mail').fill('auditor@extern.example');
    await page.getByLabel('Name').fill('External Auditor');
    await page.getByRole('combobox', { name: 'Role', exact: true }).click();
    await page.getByRole('option', { name: 'auditor' }).click();
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const inviteUrl = (await page.getByTestId('invite-url').textContent())?.trim() ?? '';
    assert.match(inviteUrl, /\/accept-invite\?token=/);
    await shot(page, 'invite');
    await page.close();

    const context = await browser.newContext();
    const invitee = await context.newPage();
    await invitee.goto(inviteUrl);
    await invitee.getByLabel('Your name').fill('Agnes Auditor');
    await invitee.getByLabel(/^Password/).fill('a long and private passphrase');
    await invitee.getByLabel('Repeat password').fill('a long and private passphrase');
    await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
    await invitee.getByRole('heading', { name: 'Overview' }).waitFor();
    assert.equal(
      await invitee.getByRole('link', { name: 'Users' }).count(),
      0,
      'an auditor has no Users page',
    );
    await invitee.getByRole('link', { name: 'Audit log' }).waitFor();
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
    await invitee.getByLabel(/^Name/).fill('evidence upload');
    await invitee.getByRole('checkbox', { name: 'audit.read' }).check();
    await invitee.getByRole('dialog').getByRole('button', { name: 'Create token' }).click();
    const token = (await invitee.getByTestId('new-token').textContent())?.trim() ?? '';
    assert.match(token, /^tlt_/);
    await invitee.getByRole('button', { name: 'Done' }).click();
    await invitee
      .getByRole('table', { name: 'API tokens' })
      .getByRole('cell', { name: 'evidence upload' })
      .waitFor();
    const viaToken = await fetch(`${base}/api/audit-events?pageSize=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(viaToken.status, 200, 'the token made in the browser works for automation');
    await shot(invitee, 'account');
    await context.close();
  });

  test('the audit log shows the changes and filters by action; signing out returns to sign-in', async () => {
    const page = await browser.newPage();
    await signIn(page, base, adminEmail, adminPassword);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByTestId('integrity-status').filter({ hasText: 'intact' }).waitFor();
    const table = page.getByRole('table', { name: 'Audit events' });
    await table.getByText('organization.updated').first().waitFor();
    await table.getByText('user.invited').first().waitFor();
    await page.getByRole('combobox', { name: 'Action', exact: true }).click();
    await page.getByRole('option', { name: 'user.invited' }).click();
    await page.getByText('1 event', { exact: true }).waitFor();
    assert.equal(await table.getByText('organization.updated').count(), 0);
    await shot(page, 'audit-log');
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.goto(`${base}/audit-log`);
    await page.getByRole('heading', { name: 'Sign in to Tillit' }).waitFor();
    assert.match(page.url(), /\/sign-in\?next=%2Faudit-log/);
    await page.close();
  });
});
