import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { createCheckpoint } from '../kernel/audit/audit-checkpoints.js';
import { publicKeyId } from '../kernel/audit/checkpoint.js';
import { AUDIT_KEY_NAME, loadKeyring } from '../kernel/audit/signing-key.js';
import { systemActor } from '../kernel/context.js';
import type { DatabaseHandle } from '../kernel/db/database.js';
import { createOrganization } from '../modules/organization/organization.service.js';
import { verifyAuditOperation } from './admin-operations.js';

const handles: DatabaseHandle[] = [];
after(async () => {
  for (const h of handles) await h.close();
});

test('verify without any checkpoint says what it could not prove instead of OK; with one it names the key', async () => {
  const handle = await createTestDatabase();
  handles.push(handle);
  const keyring = loadKeyring(path.join(mkdtempSync(path.join(os.tmpdir(), 'tillit-key-')), 'key.pem'));
  const base = { db: handle.db, organizationId: '', actor: systemActor };
  const organizationId = await createOrganization(base, { name: 'Unproven AB', securityContactEmail: null });
  const rt = { db: handle.db, keyring };

  const before = await verifyAuditOperation(rt, { checkpoints: [] });
  assert.equal(before.ok, true, before.lines.join('\n'));
  assert.ok(before.lines.includes('checkpoints verified: 0'));
  assert.ok(before.lines.some((l) => l.startsWith('NOT PROVEN: no signed checkpoint')));
  assert.ok(!before.lines.some((l) => l.startsWith('OK')));

  const cp = await createCheckpoint({ ...base, organizationId }, keyring);
  const after = await verifyAuditOperation(rt, { checkpoints: [{ source: 'kept.txt', note: cp.note }] });
  const keyId = publicKeyId(AUDIT_KEY_NAME, keyring.signing.publicKeyPem);
  assert.ok(
    after.lines.includes(`kept.txt: signed by key ${keyId} (this installation’s key)`),
    after.lines.join('\n'),
  );
  assert.ok(after.lines.some((l) => l.startsWith('OK: the audit log is intact')));
});
