import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type BrowserApp, startBrowserApp } from '../support/browser-app.js';
import type { RunningApp } from './app-server.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the page and returns the serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.help}): ${v.nodes
          .map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`)
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** Detail pages of the demo programme: a framework, a requirement, a control and a coverage drill-down. */
async function programmePages(page: Page, base: string): Promise<[string, string][]> {
  const get = async <T>(url: string) => (await (await page.request.get(`${base}${url}`)).json()) as T;
  type Named = { id: string; key: string; name: string };
  const frameworks = await get<{ items: Named[] }>('/api/frameworks?pageSize=200');
  const iso = frameworks.items.find((f) => f.key === 'iso27001-2022') ?? frameworks.items[0];
  assert.ok(iso, 'the demo programme installs frameworks');
  const requirements = await get<{ items: { id: string; ref: string; title: string; kind: string }[] }>(
    `/api/frameworks/${iso.id}/requirements?q=A.5.1&pageSize=5`,
  );
  const requirement = requirements.items.find((r) => r.kind === 'requirement');
  assert.ok(requirement, 'the framework has requirements');
  const controls = await get<{ items: { id: string; ref: string; title: string }[] }>(
    '/api/controls?pageSize=1',
  );
  const control = controls.items[0];
  assert.ok(control, 'the demo programme has controls');
  return [
    [`/frameworks/${iso.id}`, iso.name],
    [`/requirements/${requirement.id}`, `${requirement.ref} ${requirement.title}`],
    [`/controls/${control.id}`, `${control.ref} ${control.title}`],
    [`/coverage/${iso.id}/uncovered`, `${iso.name}: applicable, but no control mapped`],
  ];
}

/** The demo's DR plan (a version in review, a diff) and information security policy (a campaign). */
async function policyPages(page: Page, base: string): Promise<[string, string][]> {
  const res = await page.request.get(`${base}/api/policies?pageSize=50`);
  const policies = ((await res.json()) as { items: { id: string; title: string }[] }).items;
  const pick = (title: string): [string, string] => {
    const hit = policies.find((p) => p.title === title);
    assert.ok(hit, `the demo has the ${title}`);
    return [`/policies/${hit.id}`, title];
  };
  return [pick('Disaster recovery plan'), pick('Information security policy')];
}

/** A check made for the test (the demo has none), run once so its page shows a result. */
async function checkPages(page: Page, base: string): Promise<[string, string][]> {
  const session = (await (await page.request.get(`${base}/api/auth/session`)).json()) as {
    csrfToken: string;
  };
  const headers = { 'x-csrf-token': session.csrfToken };
  const created = await page.request.post(`${base}/api/checks`, {
    headers,
    data: {
      name: 'Restore test pushed from CI',
      kind: 'ci-push',
      config: { maxAgeHours: 26 },
      schedule: '0 7 * * *',
    },
  });
  assert.equal(created.status(), 201, await created.text());
  const check = (await created.json()) as { id: string; name: string };
  await page.request.post(`${base}/api/checks/${check.id}/run`, { headers, data: {} });
  return [[`/checks/${check.id}`, check.name]];
}

/** A risk of the demo organisation's register. */
async function riskPages(page: Page, base: string): Promise<[string, string][]> {
  const risks = (await (await page.request.get(`${base}/api/risks?pageSize=1`)).json()) as {
    items: { id: string; ref: string; title: string }[];
  };
  const risk = risks.items[0];
  assert.ok(risk, 'the demo programme has risks');
  return [[`/risks/${risk.id}`, `${risk.ref} ${risk.title}`]];
}

/** The demo's completed internal audit and the nonconformity its minor finding opened. */
async function auditPages(page: Page, base: string): Promise<[string, string][]> {
  const get = async <T>(url: string) => (await (await page.request.get(`${base}${url}`)).json()) as T;
  const audits = await get<{ items: { id: string; title: string }[] }>('/api/audits?pageSize=1');
  const audit = audits.items[0];
  assert.ok(audit, 'the demo programme has an audit');
  const ncs = await get<{ items: { id: string; ref: string; severity: string }[] }>(
    '/api/nonconformities?pageSize=1',
  );
  const nc = ncs.items[0];
  assert.ok(nc, 'the demo programme has a nonconformity');
  return [
    [`/audits/${audit.id}`, audit.title],
    [`/nonconformities/${nc.id}`, `${nc.ref} ${nc.severity === 'major' ? 'Major' : 'Minor'} nonconformity`],
  ];
}

/** Opens a dialog with its button on a page and returns axe's findings inside it. */
async function dialogViolations(page: Page, base: string, path: string, button: string, dialog: string) {
  await page.goto(`${base}${path}`);
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('dialog', { name: dialog }).waitFor();
  await page.waitForLoadState('networkidle');
  return (await seriousViolations(page)).map((v) => `${path} (${dialog}): ${v}`);
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let target: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    target = await startBrowserApp('a11y');
    ({ app, browser } = target);
    // axe is injected from the test; the app's CSP rightly forbids scripts that are not its own.
    context = await browser.newContext({ bypassCSP: true });
  });
  after(async () => {
    await target?.close();
  });

  test('every page has no serious or critical WCAG violations', async () => {
    const page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in to Tillit' }).waitFor();
    const problems: string[] = (await seriousViolations(page)).map((v) => `sign-in: ${v}`);
    await page.getByLabel('E-mail').fill(app.adminEmail);
    await page.getByLabel(/^Password/).fill(app.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('organization-name').waitFor();
    const pages: [string, string][] = [
      ['/', 'Overview'],
      ['/organization', 'Organisation'],
      ['/users', 'Users'],
      ['/audit-log', 'Audit log'],
      ['/account', 'Account'],
      ['/no-such-page', 'Page not found'],
      ['/frameworks', 'Frameworks'],
      ['/controls', 'Controls'],
      ['/coverage', 'Coverage'],
      ['/policies', 'Policies'],
      ['/to-read', 'To read'],
      ['/risks', 'Risks'],
      ['/risks/matrix', 'Risk matrix'],
      ['/assets', 'Assets'],
      ['/audits', 'Audits'],
      ['/nonconformities', 'Nonconformities'],
      ['/objectives', 'Objectives'],
      ['/management-reviews', 'Management reviews'],
      ['/evidence', 'Evidence'],
      ['/checks', 'Checks'],
      ['/tasks', 'Tasks'],
      ['/inbox', 'Inbox'],
      ['/activities', 'Recurring activities'],
      ['/trust-center', 'Trust center'],
      ['/trust', 'Norrsken Cloud trust center'],
      ['/trust/faq', 'Frequently asked questions'],
      ['/trust/subprocessors', 'Sub-processors'],
      ['/questionnaires', 'Questionnaires'],
      ['/trust-documents', 'Documents'],
      ['/trust/documents', 'Documents'],
      ...(await checkPages(page, app.url)),
      ...(await riskPages(page, app.url)),
      ...(await programmePages(page, app.url)),
      ...(await policyPages(page, app.url)),
      ...(await auditPages(page, app.url)),
    ];
    for (const [path, heading] of pages) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      problems.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
    }
    problems.push(...(await dialogViolations(page, app.url, '/controls', 'New control', 'New control')));
    problems.push(...(await dialogViolations(page, app.url, '/risks', 'New risk', 'New risk')));
    problems.push(...(await dialogViolations(page, app.url, '/assets', 'New asset', 'New asset')));
    problems.push(
      ...(await dialogViolations(page, app.url, '/frameworks', 'Import OSCAL', 'Import an OSCAL framework')),
    );
    problems.push(...(await dialogViolations(page, app.url, '/policies', 'New document', 'New document')));
    const [policyPage] = await policyPages(page, app.url);
    assert.ok(policyPage);
    problems.push(
      ...(await dialogViolations(page, app.url, policyPage[0], 'Edit details', 'Document details')),
    );
    problems.push(...(await dialogViolations(page, app.url, '/audits', 'New audit', 'New audit')));
    problems.push(
      ...(await dialogViolations(
        page,
        app.url,
        '/nonconformities',
        'New nonconformity',
        'New nonconformity',
      )),
    );
    problems.push(...(await dialogViolations(page, app.url, '/evidence', 'Upload file', 'Upload evidence')));
    problems.push(
      ...(await dialogViolations(page, app.url, '/evidence', 'Add link', 'Add a link as evidence')),
    );
    problems.push(...(await dialogViolations(page, app.url, '/checks', 'New check', 'New check')));
    problems.push(
      ...(await dialogViolations(page, app.url, '/objectives', 'New objective', 'New objective')),
    );
    problems.push(
      ...(await dialogViolations(page, app.url, '/activities', 'New activity', 'New recurring activity')),
    );
    assert.deepEqual(problems, []);
  });

  test('pages in the dark colour scheme have no serious or critical WCAG violations', async () => {
    const dark = await browser.newContext({ bypassCSP: true, colorScheme: 'dark' });
    const page = await dark.newPage();
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in to Tillit' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('data-mantine-color-scheme'), 'dark');
    const problems: string[] = (await seriousViolations(page)).map((v) => `dark sign-in: ${v}`);
    await page.getByLabel('E-mail').fill(app.adminEmail);
    await page.getByLabel(/^Password/).fill(app.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('organization-name').waitFor();
    const pages: [string, string][] = [
      ['/', 'Overview'],
      ['/risks', 'Risks'],
      ['/controls', 'Controls'],
      ['/audit-log', 'Audit log'],
      ['/trust-center', 'Trust center'],
      ['/evidence', 'Evidence'],
      ...(await programmePages(page, app.url)).slice(0, 2),
    ];
    for (const [path, heading] of pages) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('html').getAttribute('data-mantine-color-scheme'), 'dark');
      problems.push(...(await seriousViolations(page)).map((v) => `dark ${path}: ${v}`));
    }
    problems.push(...(await dialogViolations(page, app.url, '/risks', 'New risk', 'New risk')));
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'New risk' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Search' }).getByRole('combobox').fill('backup');
    await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
    problems.push(...(await seriousViolations(page)).map((v) => `dark search: ${v}`));
    await dark.close();
    assert.deepEqual(problems, []);
  });

  test('the public trust center follows the visitor’s colour scheme, fits 390 px, stays small and has no violations', async () => {
    const problems: string[] = [];
    const publicPages = [
      ['/trust', 'Norrsken Cloud trust center'],
      ['/trust/faq', 'Frequently asked questions'],
      ['/trust/subprocessors', 'Sub-processors'],
    ];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const visitor = await browser.newContext({
          bypassCSP: true,
          colorScheme,
          viewport: { width, height: 900 },
        });
        const page = await visitor.newPage();
        for (const [path, heading] of publicPages) {
          const response = await page.goto(`${app.url}${path}`);
          await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
          const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          assert.equal(
            background,
            colorScheme === 'dark' ? 'rgb(20, 22, 26)' : 'rgb(255, 255, 255)',
            `${path} ${colorScheme}`,
          );
          const sideways = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          assert.ok(sideways <= 0, `${path} at ${width} px scrolls sideways by ${sideways} px`);
          if (path === '/trust') {
            const html = (await response?.text()) ?? '';
            assert.ok(html.length < 50_000, `the overview is ${html.length} bytes of HTML and CSS`);
            await page.getByRole('heading', { name: 'Security controls, live', level: 2 }).waitFor();
          }
          problems.push(
            ...(await seriousViolations(page)).map((v) => `${colorScheme} ${width} px ${path}: ${v}`),
          );
        }
        await visitor.close();
      }
    }
    assert.deepEqual(problems, []);
  });
});
