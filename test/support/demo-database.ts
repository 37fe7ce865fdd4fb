import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrapIfEmpty } from '../../src/server/bootstrap.js';
import { loadKeyring } from '../../src/server/kernel/audit/signing-key.js';
import { type ServiceContext, systemActor } from '../../src/server/kernel/context.js';
import type { DatabaseHandle } from '../../src/server/kernel/db/database.js';
import type { FileStore } from '../../src/server/kernel/files/file-store.js';
import { createFileStore } from '../../src/server/kernel/files/index.js';
import { seededDatabase } from './seeded-database.js';

export interface DemoDatabase {
  handle: DatabaseHandle;
  /** The demo organisation, acting as the system. */
  ctx: ServiceContext;
  /** Where the demo's document files went, when asked for. */
  files: FileStore | undefined;
  close(): Promise<void>;
}

/**
 * A fresh database set up the way `--demo` starts: the demo organisation and its programme; with `files`, also
 * the documents on request (stored in a temporary folder). Seeded once per test run on PGlite and copied (see
 * seeded-database.ts).
 */
export async function createDemoDatabase(
  name: string,
  options: { files?: boolean } = {},
): Promise<DemoDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tillit-demo-${name}-`));
  const seeded = await seededDatabase(options.files ? 'demo-with-files' : 'demo', (handle, seedDir) =>
    seedDemo(handle, seedDir, options.files === true),
  );
  // The seeded checkpoint's key and the documents' files, beside this copy of the database.
  cpSync(seeded.dir, dir, { recursive: true, filter: (source) => !source.endsWith('.tar') });
  const { handle } = seeded;
  const files = options.files ? createFileStore({ dataDir: dir, s3: undefined }) : undefined;
  return {
    handle,
    ctx: { db: handle.db, organizationId: seeded.value.organizationId, actor: systemActor },
    files,
    async close() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function seedDemo(handle: DatabaseHandle, dir: string, withFiles: boolean) {
  const files = withFiles ? createFileStore({ dataDir: dir, s3: undefined }) : undefined;
  const first = await bootstrapIfEmpty(handle.db, loadKeyring(path.join(dir, 'key.pem')), {
    demo: true,
    ...(files ? { files } : {}),
  });
  assert.ok(first, 'the demo is set up on an empty database');
  return { organizationId: first.organizationId };
}
