import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { insertControl } from '../../../../test/support/controls.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { publishedTrustSettings } from '../../../../test/support/trust-settings.js';
import type { PublicControl } from '../../../contracts/public-controls.js';
import { createOrganization } from '../organization/index.js';

const settings = publishedTrustSettings;
const today = () => new Date().toISOString().slice(0, 10);

/** The public item of one control: its `<li>`, found by the title the public reads. */
function publicItem(page: string, title: string): string {
  const item = [...page.matchAll(/<li data-control-state="[^"]+">.*?<\/li>/g)].find((m) =>
    m[0].includes(title),
  );
  assert.ok(item, `the public page lists "${title}"`);
  return item[0];
}

describe('controls shown live on the public trust center', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let encryption: string;
  let reviews: string;
  let planned: string;
  let checkId: string;
  const staffList = async () =>
    (await api.expect<{ controls: PublicControl[] }>(200, 'GET', '/api/trust-center/public-controls'))
      .controls;
  const publicPage = async () => (await t.app.inject({ method: 'GET', url: '/trust' })).body;
  const pushResult = (outcome: 'pass' | 'fail') =>
    api.expect(201, 'POST', `/api/checks/${checkId}/results`, { outcome, summary: `probe ${outcome}` });

  before(async () => {
    t = await startTestApp();
    api = apiClient(t, await t.signIn('compliance-manager'));
    await api.expect(200, 'PUT', '/api/trust-center/settings', settings);
    const control = async (title: string, status: string) => {
      const { id } = await api.expect<{ id: string }>(201, 'POST', '/api/controls', { title });
      if (status !== 'not-started') await api.expect(200, 'PATCH', `/api/controls/${id}`, { status });
      return id;
    };
    encryption = await control('LUKS on every data disk', 'implemented');
    reviews = await control('Quarterly access review', 'implemented');
    planned = await control('Secret rotation runbook (internal)', 'not-started');
    checkId = (
      await api.expect<{ id: string }>(201, 'POST', '/api/checks', {
        name: 'Disk encryption probe',
        kind: 'ci-push',
        config: { maxAgeHours: 26 },
        controlIds: [encryption],
      })
    ).id;
    await pushResult('pass');
    await api.expect(201, 'POST', '/api/evidence/links', {
      title: 'Access review minutes',
      url: 'https://norrsken.example/reviews/q4',
      controlIds: [reviews],
    });
    await api.expect(200, 'PUT', '/api/trust-center/public-controls', {
      controls: [
        { controlId: encryption, domain: 'Data protection', publicTitle: 'Customer data encrypted at rest' },
        { controlId: reviews, domain: 'Access', publicTitle: null },
        { controlId: planned, domain: 'Access', publicTitle: 'Secrets rotated' },
      ],
    });
  });
  after(() => t.close());

  test('each control shows the state its checks and evidence support, grouped by domain, in order', async () => {
    const list = await staffList();
    assert.deepEqual(
      list.map((c) => [c.domain, c.publicTitle ?? c.title, c.state]),
      [
        ['Data protection', 'Customer data encrypted at rest', 'monitored'],
        ['Access', 'Quarterly access review', 'evidenced'],
        ['Access', 'Secrets rotated', 'under-review'],
      ],
    );
    assert.deepEqual(list[2]?.problems, [
      'the control is not started, not implemented',
      'no evidence is linked to it',
    ]);
    assert.equal(list[0]?.checkedAt?.slice(0, 10), today());

    const page = await publicPage();
    assert.match(page, /<h2 id="controls">Security controls, live<\/h2>/);
    assert.ok(page.indexOf('<h3>Data protection</h3>') < page.indexOf('<h3>Access</h3>'));
    assert.match(
      publicItem(page, 'Customer data encrypted at rest'),
      new RegExp(`Monitored, passing.*checked ${today()}; evidence of ${today()}`),
    );
    assert.match(publicItem(page, 'Quarterly access review'), /Evidence current.*evidence of/);
    const held = publicItem(page, 'Secrets rotated');
    assert.match(held, /Under review/);
    assert.doesNotMatch(held, /evidence of|checked/);
    for (const internal of ['LUKS on every data disk', 'Secret rotation runbook', 'not implemented'])
      assert.ok(!page.includes(internal), `the public page does not show "${internal}"`);
  });

  test('a failing check takes the control to "under review" everywhere; a passing result restores it', async () => {
    await pushResult('fail');
    const failing = (await staffList()).find((c) => c.controlId === encryption);
    assert.equal(failing?.state, 'under-review');
    assert.deepEqual(failing?.problems, ['check "Disk encryption probe" is failing']);
    const item = publicItem(await publicPage(), 'Customer data encrypted at rest');
    assert.match(item, /Under review/);
    assert.doesNotMatch(item, /Monitored|Disk encryption probe/);

    await pushResult('pass');
    assert.equal((await staffList()).find((c) => c.controlId === encryption)?.state, 'monitored');
    assert.match(publicItem(await publicPage(), 'Customer data encrypted at rest'), /Monitored, passing/);
  });

  test('a control of another organisation, a duplicate or a blank domain is refused and nothing changes', async () => {
    const other = await createOrganization(t.systemContext(), {
      name: 'Annan AB',
      securityContactEmail: null,
    });
    const foreign = await insertControl(t.handle.db, other, { ref: 'X-1' });
    const before = await staffList();
    const refused = [
      [
        { controlId: encryption, domain: 'A' },
        { controlId: foreign.id, domain: 'A' },
      ],
      [
        { controlId: encryption, domain: 'A' },
        { controlId: encryption, domain: 'B' },
      ],
      [{ controlId: encryption, domain: '   ' }],
    ];
    const messages = [];
    for (const controls of refused) {
      const res = await api.call('PUT', '/api/trust-center/public-controls', { controls });
      assert.equal(res.statusCode, 400, res.body);
      const { error } = res.json();
      messages.push(
        [
          error.message,
          ...(error.details ?? []).map((d: { path: string; message: string }) => `${d.path}: ${d.message}`),
        ].join(' | '),
      );
    }
    assert.match(messages[0] ?? '', /controls\[1\]\.controlId: no control/);
    assert.match(messages[1] ?? '', /controls\[1\]\.controlId: listed twice/);
    assert.match(messages[2] ?? '', /controls\.0\.domain: needs a domain/);
    assert.deepEqual(await staffList(), before);
  });

  test('a change is one audit event; deleting a control takes it off the public page', async () => {
    const replaced = (await auditActions(t)).filter((a) => a === 'trust-public-controls.replaced');
    assert.equal(replaced.length, 1, 'the one successful replacement so far');
    await api.expect(204, 'DELETE', `/api/controls/${planned}`);
    assert.deepEqual(
      (await staffList()).map((c) => c.controlId),
      [encryption, reviews],
    );
    assert.ok(!(await publicPage()).includes('Secrets rotated'));
  });
});
