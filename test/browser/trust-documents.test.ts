import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type BrowserApp, startBrowserApp } from '../support/browser-app.js';
import { drawnText } from '../support/pdf-text.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import type { RunningApp } from './app-server.js';

// The mail job runs once a minute; a mail can take up to two runs to arrive.
const MAIL_WAIT_MS = 150_000;

describe('documents on request in the browser', () => {
  let target: BrowserApp;
  let smtp: TestSmtpServer;
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    smtp = await startSmtpServer();
    target = await startBrowserApp('trust-docs-ui', { TILLIT_SMTP_URL: smtp.url });
    ({ app, browser } = target);
  });
  after(async () => {
    await target?.close();
    await smtp?.stop();
  });

  /** The path of the link to `path` in the `count`-th mail to arrive, waiting for it. */
  async function mailedLink(count: number, to: string, path: string): Promise<string> {
    const mail = (await smtp.waitFor(count, MAIL_WAIT_MS))[count - 1];
    assert.deepEqual(mail?.to, [to]);
    const link = new RegExp(`(${path}\\?token=[A-Za-z0-9_-]+)`).exec(mail?.text ?? '')?.[1];
    assert.ok(link, `mail ${count} links to ${path}: ${mail?.text}`);
    return `${app.url}${link}`;
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel('E-mail').fill(app.adminEmail);
    await page.getByLabel(/^Password/).fill(app.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('organization-name').waitFor();
  }

  test('request the controls list, confirm, accept the NDA, staff approve, download watermarked, revoke', async () => {
    const visitorContext = await browser.newContext({ acceptDownloads: true });
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${app.url}/trust`);
    await visitor
      .getByRole('navigation', { name: 'Trust center' })
      .getByRole('link', { name: 'Documents' })
      .click();
    await visitor.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    const table = visitor.getByRole('table', { name: 'Documents' });
    await table.getByRole('link', { name: 'Download Service level agreement' }).waitFor();
    await table
      .getByRole('row', { name: /Cloud controls list/ })
      .getByText('NDA required')
      .waitFor();

    await visitor.getByLabel('Cloud controls list (NDA required)').check();
    await visitor.getByLabel('Your name').fill('Maja Lind');
    await visitor.getByLabel('Work e-mail').fill('maja@besok.example');
    await visitor.getByLabel('Company').fill('Besök AB');
    await visitor.getByLabel('Why you need them').fill('Supplier assessment before we sign');
    await visitor.getByRole('button', { name: 'Request access' }).click();
    await visitor.getByRole('heading', { name: 'Check your e-mail', level: 1 }).waitFor();

    await visitor.goto(await mailedLink(1, 'maja@besok.example', '/trust/documents/verify'));
    await visitor.getByRole('heading', { name: 'Non-disclosure agreement', level: 1 }).waitFor();
    await visitor.getByRole('heading', { name: 'Agreement, version 1' }).waitFor();
    await visitor.getByLabel('Your full name').fill('Maja Lind');
    await visitor.getByLabel(/I accept this non-disclosure agreement/).check();
    await visitor.getByRole('button', { name: 'Accept the NDA' }).click();
    await visitor.getByRole('heading', { name: 'Request received', level: 1 }).waitFor();

    const staff = await (await browser.newContext()).newPage();
    await signIn(staff);
    await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
    await staff.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    const request = staff
      .getByRole('table', { name: 'Document requests' })
      .getByRole('row', { name: /Maja Lind/ });
    await request.getByText('Version 1, signed “Maja Lind”', { exact: false }).waitFor();
    await request.getByRole('button', { name: 'Approve Maja Lind' }).click();
    await staff.getByText('Maja Lind can download for 30 days; a sign-in link is on its way').waitFor();

    await visitor.goto(await mailedLink(2, 'maja@besok.example', '/trust/documents/sign-in'));
    await visitor.getByRole('button', { name: 'Show my documents' }).click();
    await visitor.getByRole('heading', { name: 'Your documents', level: 1 }).waitFor();
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByRole('link', { name: 'Download Cloud controls list' }).click(),
    ]);
    const text = await drawnText(readFileSync(await download.path()));
    assert.match(text, /Confidential - downloaded by Maja Lind <maja@besok\.example> \d{4}-\d{2}-\d{2}T/);
    const cookies = await visitorContext.cookies();
    const visitorCookie = cookies.find((c) => c.name === 'tillit_trust_visitor');
    assert.equal(visitorCookie?.httpOnly, true);
    assert.equal(visitorCookie?.sameSite, 'Strict');
    assert.equal(visitorCookie?.path, '/trust');

    await staff.getByRole('tab', { name: 'Access grants' }).click();
    await staff.getByRole('button', { name: 'Revoke maja@besok.example' }).click();
    await staff
      .getByRole('dialog', { name: 'Revoke access' })
      .getByRole('button', { name: 'Revoke access' })
      .click();
    await staff.getByText('Access of maja@besok.example revoked').waitFor();

    const href = await visitor
      .getByRole('link', { name: 'Download Cloud controls list' })
      .getAttribute('href');
    const refused = await visitorContext.request.get(`${app.url}${href}`);
    assert.equal(refused.status(), 403);
    assert.match(await refused.text(), /access has ended/);
    await visitor.reload();
    await visitor.getByRole('heading', { name: 'Not signed in', level: 1 }).waitFor();

    await staff.getByRole('tab', { name: 'Analytics' }).click();
    const row = staff.getByRole('table', { name: 'Requests and downloads per document' }).getByRole('row', {
      name: /Cloud controls list/,
    });
    await row.getByRole('cell', { name: '1', exact: true }).first().waitFor();
    await staff.getByRole('table', { name: 'Downloads' }).getByText('maja@besok.example').waitFor();
  });
});
