import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Command } from 'commander';
import { verifyOrganizationAuditLog } from '../server/kernel/audit/audit-checkpoints.js';
import { recordAuditEvent } from '../server/kernel/audit/audit-writer.js';
import { trustPublicKey } from '../server/kernel/audit/signing-key.js';
import { restoreBackup, writeBackup } from '../server/kernel/backup/backup.service.js';
import { inTransaction, systemActor } from '../server/kernel/context.js';
import { CliError, print, withRuntime } from './cli-runtime.js';

async function backupTo(file: string): Promise<void> {
  if (existsSync(file)) throw new CliError(`${file} exists already; choose another file`);
  await withRuntime(async (runtime) => {
    const gzip = createGzip();
    const out = createWriteStream(file, { mode: 0o600, flags: 'wx' });
    gzip.pipe(out);
    const { rows } = await writeBackup(
      runtime.handle.db,
      runtime.keyring.signing.publicKeyPem,
      async (line) => {
        if (!gzip.write(line)) await once(gzip, 'drain');
      },
    );
    gzip.end();
    await once(out, 'close');
    print(`Wrote ${rows} rows to ${file}. It holds password hashes and the audit log: store it encrypted.`);
  });
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
    const { header, rows } = await restoreBackup(db, openLines);
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
    .description('write a consistent, checksummed backup of the database (gzip NDJSON)')
    .option(
      '--out <file>',
      'where to write it',
      `tillit-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.ndjson.gz`,
    )
    .action((o: { out: string }) => backupTo(o.out));
  program
    .command('restore')
    .description('restore a backup into an empty database; all or nothing')
    .requiredOption('--in <file>', 'the backup file')
    .action((o: { in: string }) => restoreFrom(o.in));
}
