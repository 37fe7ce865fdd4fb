import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { rolePermissions } from '../../../contracts/permissions.js';
import type { RiskDetail } from '../../../contracts/risks.js';
import type { ServiceContext } from '../../kernel/context.js';
import { approveRiskAcceptance } from './risk-acceptance.service.js';
import { createRisk, getRisk } from './risks.service.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('a risk is accepted only by the approver named on the acceptance', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  let owner: ReturnType<typeof apiClient>;
  let admin: ReturnType<typeof apiClient>;
  let risk: RiskDetail;
  const events = async (id: string) =>
    (
      await t.handle.db
        .selectFrom('audit_events')
        .select(['action', 'actor_id', 'data'])
        .where('entity_type', '=', 'risk')
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute()
    ).filter((e) => e.action.startsWith('risk.acceptance-'));

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
    owner = apiClient(t, await t.signIn('contributor'));
    admin = apiClient(t, await t.signIn('admin'));
    risk = await manager.expect<RiskDetail>(201, 'POST', '/api/risks', {
      title: 'Single power feed to STO2',
      inherentLikelihood: 2,
      inherentImpact: 3,
      ownerId: t.users.contributor.id,
    });
  });
  after(() => t.close());

  const terms = () => ({
    treatment: 'accept',
    acceptanceApproverId: t.users['compliance-manager'].id,
    acceptanceExpiresOn: day(120),
  });

  test('the owner cannot record the risk as accepted in the approver’s name; nothing is written', async () => {
    const res = await owner.call('PATCH', `/api/risks/${risk.id}`, { ...terms(), status: 'accepted' });
    assert.equal(res.statusCode, 403, res.body);
    assert.match(res.json().error.message, /Only the approver named on the acceptance/);
    const stored = await owner.expect<RiskDetail>(200, 'GET', `/api/risks/${risk.id}`);
    assert.equal(stored.status, 'open');
    assert.equal(stored.acceptance, null);
    assert.deepEqual(await events(risk.id), []);
  });

  test('the owner proposes; the risk waits for the approver and the proposal is audited', async () => {
    const proposed = await owner.expect<RiskDetail>(200, 'PATCH', `/api/risks/${risk.id}`, terms());
    assert.notEqual(proposed.status, 'accepted');
    assert.equal(proposed.acceptance?.approvedAt, null);
    const [event] = await events(risk.id);
    assert.equal(event?.action, 'risk.acceptance-proposed');
    assert.equal(event?.actor_id, t.users.contributor.id);
    assert.equal(
      (event?.data as { approverId?: string } | undefined)?.approverId,
      t.users['compliance-manager'].id,
    );
  });

  test('nobody but the named approver, in their own session, can approve', async () => {
    const url = `/api/risks/${risk.id}/acceptance/approve`;
    assert.equal((await owner.call('POST', url)).statusCode, 403);
    const byAdmin = await admin.call('POST', url);
    assert.equal(byAdmin.statusCode, 403, 'an admin who is not the named approver');
    assert.match(byAdmin.json().error.message, /Only the approver/);
    const created = await manager.expect<{ token: string }>(201, 'POST', '/api/tokens', {
      name: 'ci',
      scopes: ['risks.manage'],
      expiresInDays: 1,
    });
    const byToken = await t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${created.token}` },
    });
    assert.equal(byToken.statusCode, 403, 'the approver’s API token does not approve');
    assert.equal((await manager.expect<RiskDetail>(200, 'GET', `/api/risks/${risk.id}`)).status, 'open');
  });

  test('the approver approves: the risk is accepted, with the time, and the approval is audited as theirs', async () => {
    const approved = await manager.expect<RiskDetail>(
      200,
      'POST',
      `/api/risks/${risk.id}/acceptance/approve`,
    );
    assert.equal(approved.status, 'accepted');
    assert.ok(approved.acceptance?.approvedAt);
    const last = (await events(risk.id)).at(-1);
    assert.equal(last?.action, 'risk.acceptance-approved');
    assert.equal(last?.actor_id, t.users['compliance-manager'].id);
    assert.equal((await manager.call('POST', `/api/risks/${risk.id}/acceptance/approve`)).statusCode, 409);
  });

  test('the owner changing the terms sends the acceptance back to the approver', async () => {
    const changed = await owner.expect<RiskDetail>(200, 'PATCH', `/api/risks/${risk.id}`, {
      acceptanceExpiresOn: day(300),
    });
    assert.equal(changed.status, 'treating');
    assert.equal(changed.acceptance?.approvedAt, null);
    assert.equal((await events(risk.id)).at(-1)?.action, 'risk.acceptance-proposed');
  });

  test('service level: the system or a non-approver cannot accept; the approver acting does', async () => {
    const system = t.systemContext();
    await assert.rejects(approveRiskAcceptance(system, risk.id, getRisk), { code: 'FORBIDDEN' });
    const as = (role: 'contributor' | 'compliance-manager'): ServiceContext => ({
      ...system,
      actor: {
        type: 'user',
        userId: t.users[role].id,
        tokenId: null,
        role,
        permissions: rolePermissions[role],
      },
    });
    const input = {
      title: 'Shared last-mile fibre',
      description: '',
      threat: '',
      vulnerability: '',
      assetIds: [],
      ownerId: null,
      inherentLikelihood: 2,
      inherentImpact: 2,
      treatment: 'accept' as const,
      controlIds: [],
      acceptanceApproverId: t.users['compliance-manager'].id,
      acceptanceExpiresOn: day(60),
      transferTo: null,
      status: 'accepted' as const,
      reviewDate: null,
    };
    await assert.rejects(createRisk(system, input), { code: 'FORBIDDEN' });
    await assert.rejects(createRisk(as('contributor'), input), { code: 'FORBIDDEN' });
    const accepted = await createRisk(as('compliance-manager'), input);
    assert.equal(accepted.status, 'accepted');
    assert.ok(accepted.acceptance?.approvedAt);
    await approveRiskAcceptance(as('compliance-manager'), risk.id, getRisk);
    assert.equal((await getRisk(system, risk.id)).status, 'accepted');
  });
});
