import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type BrowserApp, startBrowserApp } from '../support/browser-app.js';
import type { RunningApp } from './app-server.js';

const TITLE = 'Clean desk policy';

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
const STAFF: Person = {
  email: 'vera@norrsken.example',
  name: 'Vera Viewer',
  password: 'a long staff passphrase',
};

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

async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

describe('policies in Chromium: write, approve (four eyes), publish, collect acknowledgements', () => {
  let target: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let manager: Page;
  let admin: Page;
  let staff: Page;
  let documentUrl: string;

  before(async () => {
    // No demo programme: the organisation's people are the admin and the two invited here.
    target = await startBrowserApp('policies', { TILLIT_DEMO_PROGRAMME: 'false' });
    ({ app, browser } = target);
    await invite(app, MANAGER, 'compliance-manager');
    await invite(app, STAFF, 'viewer');
    manager = await (await browser.newContext()).newPage();
    admin = await (await browser.newContext()).newPage();
    staff = await (await browser.newContext()).newPage();
    await signIn(manager, app.url, MANAGER.email, MANAGER.password);
  });
  after(async () => {
    await target?.close();
  });

  test('the compliance manager drafts a policy, previews it and submits it; she cannot approve her own', async () => {
    await nav(manager, 'Policies').click();
    await manager.getByRole('heading', { name: 'Policies', level: 1 }).waitFor();
    await manager.getByRole('button', { name: 'New document' }).click();
    const dialog = manager.getByRole('dialog', { name: 'New document' });
    await dialog.getByLabel(/^Title/).fill(TITLE);
    await dialog
      .getByLabel(/^First draft/)
      .fill('# Clean desk\n\nLock your screen when you leave your desk.\n');
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await manager.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    documentUrl = manager.url();

    await manager.getByLabel('Change summary').fill('First version');
    await manager
      .getByLabel('Text (Markdown)')
      .fill(
        '# Clean desk\n\nLock your screen when you leave your desk.\n\nKeep **no papers** with customer data on desks.\n',
      );
    await manager.getByRole('button', { name: 'Save draft' }).click();
    const preview = manager.getByTestId('draft-preview');
    await preview.locator('strong', { hasText: 'no papers' }).waitFor();

    await manager.getByRole('button', { name: 'Submit for review' }).click();
    await manager.getByText('Version 1 submitted for review').waitFor();
    assert.equal(await manager.getByRole('button', { name: 'Approve' }).isDisabled(), true);
    await manager.getByText('another approver must approve it (four eyes)').waitFor();
    assert.equal(
      await manager.getByLabel('Text (Markdown)').count(),
      0,
      'a submitted version is not editable',
    );
  });

  test('the admin approves and publishes, then asks everyone to accept it', async () => {
    await signIn(admin, app.url, app.adminEmail, app.adminPassword);
    await admin.goto(documentUrl);
    await admin.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'Approve' }).click();
    await admin.getByRole('button', { name: 'Publish version 1' }).click();
    const published = admin.getByRole('region', { name: 'Published version 1' });
    await published.locator('strong', { hasText: 'no papers' }).waitFor();
    await published.getByText(/approved by/).waitFor();

    const campaign = admin.getByRole('form', { name: 'Start an acknowledgement campaign' });
    await campaign.getByLabel(/^Due date/).fill(inDays(-1));
    await campaign.getByRole('button', { name: 'Ask people to read version 1' }).click();
    await campaign
      .getByText(/after today/i)
      .first()
      .waitFor();

    await campaign.getByLabel(/^Due date/).fill(inDays(14));
    await campaign.getByRole('button', { name: 'Ask people to read version 1' }).click();
    // Everyone active: the admin, the compliance manager and the staff member.
    await admin.getByText('Version 1: 0 of 3 accepted').waitFor();

    await admin.getByRole('button', { name: 'Edit details' }).click();
    const details = admin.getByRole('dialog', { name: 'Document details' });
    await details.getByLabel(/^Review every/).fill('6');
    await details.getByRole('button', { name: 'Save' }).click();
    await admin.getByTestId('policy-facts').getByText('6 months').waitFor();
  });

  test('a staff member sees it under To read and accepts it from her own account', async () => {
    await signIn(staff, app.url, STAFF.email, STAFF.password);
    assert.equal(await nav(staff, 'Policies').count(), 1);
    await nav(staff, 'To read').click();
    await staff.getByRole('heading', { name: 'To read', level: 1 }).waitFor();
    await staff.getByRole('table', { name: 'Documents to read' }).getByRole('link', { name: TITLE }).click();
    await staff.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    assert.equal(await staff.getByRole('button', { name: 'Approve' }).count(), 0);
    await staff.getByRole('button', { name: 'I have read and accept version 1' }).click();
    await staff.getByText(/You read and accepted version 1 on/).waitFor();
    await nav(staff, 'To read').click();
    await staff.getByText('Nothing to read right now.').waitFor();
  });

  test('completion shows 1 of 3, with the staff member accepted and the others pending', async () => {
    await admin.reload();
    await admin.getByText('Version 1: 1 of 3 accepted').waitFor();
    const people = admin.getByRole('table', { name: 'People asked to read version 1' });
    const vera = people.getByRole('row', { name: new RegExp(STAFF.name) });
    assert.doesNotMatch((await vera.textContent()) ?? '', /Not yet/);
    const cecilia = people.getByRole('row', { name: new RegExp(MANAGER.name) });
    assert.match((await cecilia.textContent()) ?? '', /Not yet/);
    await admin.getByRole('button', { name: 'Remind people who have not accepted' }).click();
    await admin.getByText('Reminded 2 people').waitFor();
  });

  test('a second version shows its changes with + and − markers, not colour alone', async () => {
    await manager.goto(documentUrl);
    await manager.getByRole('button', { name: 'Start a new version' }).click();
    const text = manager.getByLabel('Text (Markdown)');
    await text.waitFor();
    await text.fill(
      '# Clean desk\n\nLock your screen whenever you leave your desk.\n\nKeep **no papers** with customer data on desks.\n',
    );
    await manager.getByRole('button', { name: 'Save draft' }).click();
    await manager.getByTestId('draft-preview').getByText('whenever').waitFor();
    const diff = manager.getByTestId('policy-diff');
    await diff.getByText('1 line added, 1 removed').waitFor();
    assert.match((await diff.textContent()) ?? '', /Removed: Lock your screen when you leave/);
    assert.match((await diff.textContent()) ?? '', /Added: Lock your screen whenever you leave/);
  });

  test('one form creates a document and edits its details: the edit opens with the saved values and no first draft', async () => {
    await manager.goto(`${app.url}/policies`);
    await manager.getByRole('heading', { name: 'Policies', level: 1 }).waitFor();
    await manager.getByRole('button', { name: 'New document' }).click();
    const create = manager.getByRole('dialog', { name: 'New document' });
    assert.equal(await create.getByLabel(/^Title/).inputValue(), '');
    assert.equal(
      await create.getByRole('combobox', { name: /^Owner/ }).inputValue(),
      MANAGER.name,
      'a new document is owned by its author',
    );
    await create.getByLabel(/^Title/).fill('Acceptable use policy');
    await create.getByLabel(/^First draft/).fill('# Acceptable use\n\nCompany devices are for work.\n');
    await create.getByRole('button', { name: 'Create draft' }).click();
    await manager.getByRole('heading', { name: 'Acceptable use policy', level: 1 }).waitFor();

    await manager.getByRole('button', { name: 'Edit details' }).click();
    const edit = manager.getByRole('dialog', { name: 'Document details' });
    assert.equal(await edit.getByLabel(/^Title/).inputValue(), 'Acceptable use policy');
    assert.equal(await edit.getByRole('combobox', { name: /^Owner/ }).inputValue(), MANAGER.name);
    assert.equal(
      await edit.getByLabel(/^First draft/).count(),
      0,
      'the text changes through drafts, not here',
    );
    await edit.getByLabel(/^Title/).fill('Acceptable use policy for staff');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await manager.getByRole('heading', { name: 'Acceptable use policy for staff', level: 1 }).waitFor();
  });
});
