import { randomBytes } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Command } from 'commander';
import { streamBackup } from '../server/admin/admin-operations.js';
import { verifyOrganizationAuditLog } from '../server/kernel/audit/audit-checkpoints.js';
import { recordAuditEvent } from '../server/kernel/audit/audit-writer.js';
import { trustPublicKey } from '../server/kernel/audit/signing-key.js';
import { restoreBackup } from '../server/kernel/backup/backup.service.js';
import { inTransaction, systemActor } from '../server/kernel/context.js';
import { backupTables } from '../server/modules/index.js';
import { CliError, print } from './cli-output.js';
import { withRuntime, withRuntimeOrServer } from './cli-runtime.js';
import { describe } from './commands.js';

/**
 * Writes a backup file as a whole or not at all: into a hidden temporary name beside the target, fsynced,
 * then renamed. A run killed half-way leaves only a `.partial` file that no one takes for a backup.
 */
async function writeAtomically(file: string, produce: (out: Writable) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.partial`);
  const out = createWriteStream(temp, { mode: 0o600, flags: 'wx' });
  try {
    await produce(out);
    const fd = openSync(temp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (existsSync(file)) throw new CliError(`${file} exists already; choose another file`);
    renameSync(temp, file);
    if (process.platform !== 'win32') {
      const dirFd = openSync(dir, 'r');
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    }
  } catch (err) {
    out.destroy();
    rmSync(temp, { force: true });
    throw err;
  }
}

function defaultBackupFile(dataDir: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return path.join(dataDir, 'backups', `tillit-backup-${stamp}.ndjson.gz`);
}

const STORE_ENCRYPTED = 'It holds password hashes and the audit log: store it encrypted.';

async function backupTo(target: string | undefined): Promise<void> {
  if (target && existsSync(target)) throw new CliError(`${target} exists already; choose another file`);
  await withRuntimeOrServer(
    async (runtime, config) => {
      const file = target ?? defaultBackupFile(config.dataDir);
      let rows = 0;
      await writeAtomically(file, async (out) => {
        ({ rows } = await streamBackup({ db: runtime.handle.db, keyring: runtime.keyring }, out));
      });
      print(`Wrote ${rows} rows to ${file}. ${STORE_ENCRYPTED}`);
    },
    async (server, config) => {
      const file = target ?? defaultBackupFile(config.dataDir);
      await writeAtomically(file, async (out) => {
        await pipeline(await server.post('/backup', {}), out);
      });
      print(`Wrote ${file} (made by the running server). ${STORE_ENCRYPTED}`);
    },
  );
}

async function restoreFrom(file: string): Promise<void> {
  if (!existsSync(file)) throw new CliError(`${file} does not exist`);
  await withRuntime(async (runtime) => {
    const db = runtime.handle.db;
    const openLines = () =>
      createInterface({
        input: createReadStream(file).pipe(createGunzip()),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
    const { header, rows } = await restoreBackup(db, backupTables, openLines);
    trustPublicKey(runtime.keyring, header.auditPublicKey);
    const orgs = await db.selectFrom('organizations').select('id').execute();
    for (const { id } of orgs) {
      const ctx = { db, organizationId: id, actor: systemActor };
      await inTransaction(ctx, (tx) =>
        recordAuditEvent(
          tx,
          'backup.restored',
          { type: 'organization', id },
          { backupCreatedAt: header.createdAt, tables: header.tables.length },
        ),
      );
      const v = await verifyOrganizationAuditLog(ctx, {
        trustedPublicKeys: runtime.keyring.trustedPublicKeys,
      });
      if (!v.ok)
        throw new CliError(`Restored, but the audit log of ${id} does not verify: ${v.problems.join('; ')}`);
    }
    print(`Restored ${rows} rows from a backup made ${header.createdAt}; audit logs verify.`);
  });
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(describe('backup'))
    .option('--out <file>', 'where to write it (default: backups/ in the data directory)')
    .action((o: { out?: string }) => backupTo(o.out));
  program
    .command('restore')
    .description(describe('restore'))
    .requiredOption('--in <file>', 'the backup file')
    .action((o: { in: string }) => restoreFrom(o.in));
}
