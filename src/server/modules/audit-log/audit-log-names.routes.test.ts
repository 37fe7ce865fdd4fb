import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ScopedAuditorFixture, scopedAuditorFixture } from '../../../../test/support/scoped-auditor.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { AuditEvent } from '../../../contracts/audit.js';
import type { Page } from '../../../contracts/paging.js';
import type { RiskDetail } from '../../../contracts/risks.js';

describe('audit events name their entities', () => {
  let t: TestApp;
  let f: ScopedAuditorFixture;
  let risk: RiskDetail;

  before(async () => {
    t = await startTestApp();
    f = await scopedAuditorFixture(t, 'Named');
    risk = await f.admin.expect<RiskDetail>(201, 'POST', '/api/risks', {
      title: 'Named risk of a flooded STO1',
      inherentLikelihood: 2,
      inherentImpact: 3,
    });
  });
  after(() => t.close());

  const nameOf = (page: Page<AuditEvent>, type: string, id: string) =>
    page.items.find((e) => e.entityType === type && e.entityId === id)?.entityName;

  test('a reader who sees everything gets reference and title of controls, risks and frameworks', async () => {
    const page = await f.admin.expect<Page<AuditEvent>>(200, 'GET', '/api/audit-events?pageSize=200');
    assert.equal(
      nameOf(page, 'control', f.isoControl.id),
      `${f.isoControl.ref} Named vulnerability management`,
    );
    assert.equal(
      nameOf(page, 'control', f.nis2Control.id),
      `${f.nis2Control.ref} Named incident reporting clocks`,
    );
    assert.equal(nameOf(page, 'risk', risk.id), `${risk.ref} Named risk of a flooded STO1`);
    assert.equal(nameOf(page, 'framework', f.iso.id), f.iso.name);
    const user = page.items.find((e) => e.entityType === 'user' && e.entityId === t.users.auditor.id);
    assert.ok(user?.entityName, 'the scoped user is named');
  });

  test('a scoped auditor gets names only of what their scope shows them', async () => {
    const page = await f.auditor.expect<Page<AuditEvent>>(200, 'GET', '/api/audit-events?pageSize=200');
    const named = page.items.filter((e) => e.entityName !== null);
    assert.ok(named.length > 0);
    assert.equal(
      nameOf(page, 'control', f.isoControl.id),
      `${f.isoControl.ref} Named vulnerability management`,
    );
    const leaked = page.items.filter(
      (e) =>
        e.entityName !== null &&
        ([f.nis2Control.id, f.nis2.id, risk.id] as (string | null)[]).includes(e.entityId),
    );
    assert.deepEqual(leaked, []);
    assert.ok(!JSON.stringify(named).includes('incident reporting clocks'));
  });
});
