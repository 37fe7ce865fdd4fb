import { bootstrapIfEmpty, type FirstStartResult } from './bootstrap.js';
import { type AuditKeyring, loadKeyring } from './kernel/audit/signing-key.js';
import type { Config } from './kernel/config/config.js';
import { type DatabaseHandle, openDatabase } from './kernel/db/database.js';
import { migrateToLatest } from './kernel/db/migrate.js';
import { createFileStore, type FileStore } from './kernel/files/index.js';
import type { Logger } from './kernel/logging/logger.js';

export interface Runtime {
  handle: DatabaseHandle;
  keyring: AuditKeyring;
  firstStart: FirstStartResult | undefined;
  files: FileStore;
}

/** Opens the database, applies migrations, loads the signing key and sets up the first organisation. */
export async function openRuntime(
  config: Config,
  logger: Logger,
  options: { bootstrap: boolean; createSigningKey?: boolean },
): Promise<Runtime> {
  const handle = await openDatabase(config);
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) {
      logger.debug({ migrations: applied }, 'migrations applied');
      logger.info(`applied ${applied.length} database migration${applied.length === 1 ? '' : 's'}`);
    }
    const keyring = loadKeyring(config.auditKeyFile, { create: options.createSigningKey ?? true });
    const files = createFileStore(config);
    const firstStart = options.bootstrap
      ? await bootstrapIfEmpty(handle.db, keyring, {
          demo: config.seedDemo,
          demoProgramme: config.seedDemoProgramme,
          organizationName: config.organizationName,
          adminEmail: config.adminEmail,
          files,
        })
      : undefined;
    return { handle, keyring, firstStart, files };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
