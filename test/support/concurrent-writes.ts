import { verifyOrganizationAuditLog } from '../../src/server/kernel/audit/audit-checkpoints.js';
import { apiClient } from './api.js';
import type { TestApp } from './test-app.js';

export interface WriteLoadResult {
  /** Status code → how many requests answered with it. */
  statuses: Record<number, number>;
  createdIds: string[];
  acknowledgedUpdates: number;
  /** Acknowledged writes without their audit event, and audit-log verification problems. */
  problems: string[];
}

/**
 * Writers in parallel through the HTTP app: half create controls (taking the organisation lock for the
 * next reference), half update one shared control. Then checks that every acknowledged write has its
 * audit event and that the audit log verifies.
 */
export async function runControlWriteLoad(
  t: TestApp,
  options: { writers: number; iterations: number },
): Promise<WriteLoadResult> {
  const api = apiClient(t, await t.signIn('compliance-manager'));
  const shared = await api.expect<{ id: string }>(201, 'POST', '/api/controls', { title: 'Shared control' });
  const statuses: Record<number, number> = {};
  const createdIds: string[] = [];
  let acknowledgedUpdates = 0;
  const count = (status: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  const writer = async (w: number) => {
    for (let i = 0; i < options.iterations; i++) {
      if (w % 2 === 0) {
        const res = await api.call('POST', '/api/controls', { title: `Writer ${w} control ${i}` });
        count(res.statusCode);
        if (res.statusCode === 201) createdIds.push((res.json() as { id: string }).id);
      } else {
        const res = await api.call('PATCH', `/api/controls/${shared.id}`, { title: `Writer ${w} edit ${i}` });
        count(res.statusCode);
        if (res.statusCode === 200) acknowledgedUpdates++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));

  const problems: string[] = [];
  const events = await t.handle.db
    .selectFrom('audit_events')
    .select(['action', 'entity_id'])
    .where('organization_id', '=', t.organizationId)
    .where('action', 'in', ['control.created', 'control.updated'])
    .execute();
  const created = new Set(events.filter((e) => e.action === 'control.created').map((e) => e.entity_id));
  for (const id of createdIds)
    if (!created.has(id)) problems.push(`control ${id} was created without an audit event`);
  const updates = events.filter((e) => e.action === 'control.updated' && e.entity_id === shared.id).length;
  if (updates !== acknowledgedUpdates) {
    problems.push(`${acknowledgedUpdates} acknowledged updates but ${updates} control.updated events`);
  }
  const verification = await verifyOrganizationAuditLog(t.systemContext(), {
    trustedPublicKeys: t.keyring.trustedPublicKeys,
  });
  problems.push(...verification.problems);
  return { statuses, createdIds, acknowledgedUpdates, problems };
}
