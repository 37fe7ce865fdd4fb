import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { ControlDetail } from '../../src/contracts/controls.js';
import type { Framework, RequirementSummary } from '../../src/contracts/frameworks.js';
import type { Page } from '../../src/contracts/paging.js';
import { apiClient } from './api.js';
import type { TestApp } from './test-app.js';

export interface ScopedAuditorFixture {
  admin: ReturnType<typeof apiClient>;
  auditor: ReturnType<typeof apiClient>;
  iso: Framework;
  nis2: Framework;
  /** Mapped to ISO 27001 A.8.8: the auditor sees it. */
  isoControl: ControlDetail;
  /** Mapped to NIS2 only: out of the auditor's scope. */
  nis2Control: ControlDetail;
  isoEvidence: string;
  nis2Evidence: string;
}

/** The id of requirement `ref` of an installed framework, read as `client` sees it. */
export async function requirementIdOf(
  client: ReturnType<typeof apiClient>,
  framework: Framework,
  ref: string,
): Promise<string> {
  const page = await client.expect<Page<RequirementSummary>>(
    200,
    'GET',
    `/api/frameworks/${framework.id}/requirements?pageSize=1000`,
  );
  const hit = page.items.find((r) => r.ref === ref);
  assert.ok(hit, ref);
  return hit.id;
}

/** A link evidence row linked to one control, written straight to the database. */
export async function addLinkEvidence(t: TestApp, controlId: string, title: string): Promise<string> {
  const row = await sql<{ id: string }>`INSERT INTO evidence (organization_id, kind, title, url, valid_from)
    VALUES (${t.organizationId}, 'link', ${title}, 'https://evidence.example/x', now()) RETURNING id`.execute(
    t.handle.db,
  );
  const id = row.rows[0]?.id ?? '';
  await sql`INSERT INTO evidence_controls (organization_id, evidence_id, control_id)
    VALUES (${t.organizationId}, ${id}, ${controlId})`.execute(t.handle.db);
  return id;
}

/**
 * ISO 27001 and NIS2 installed, one control and one piece of evidence in each, and the auditor scoped to
 * ISO 27001 only. Titles carry `marker` so searches can find both.
 */
export async function scopedAuditorFixture(t: TestApp, marker: string): Promise<ScopedAuditorFixture> {
  const admin = apiClient(t, await t.signIn('admin'));
  const auditor = apiClient(t, await t.signIn('auditor'));
  const iso = await admin.expect<Framework>(201, 'POST', '/api/frameworks/builtin', { key: 'iso27001-2022' });
  const nis2 = await admin.expect<Framework>(201, 'POST', '/api/frameworks/builtin', { key: 'nis2' });
  const requirementId = (framework: Framework, ref: string) => requirementIdOf(admin, framework, ref);
  const addEvidence = (controlId: string, title: string) => addLinkEvidence(t, controlId, title);
  const isoControl = await admin.expect<ControlDetail>(201, 'POST', '/api/controls', {
    title: `${marker} vulnerability management`,
    requirementIds: [await requirementId(iso, 'A.8.8')],
  });
  const nis2Control = await admin.expect<ControlDetail>(201, 'POST', '/api/controls', {
    title: `${marker} incident reporting clocks`,
    requirementIds: [await requirementId(nis2, '23(4)(a)')],
  });
  const isoEvidence = await addEvidence(isoControl.id, `${marker} scan report`);
  const nis2Evidence = await addEvidence(nis2Control.id, `${marker} reporting drill`);
  await admin.expect(200, 'PUT', `/api/users/${t.users.auditor.id}/framework-scope`, {
    frameworkIds: [iso.id],
  });
  return { admin, auditor, iso, nis2, isoControl, nis2Control, isoEvidence, nis2Evidence };
}
