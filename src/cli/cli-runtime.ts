import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Role, rolePermissions } from '../contracts/permissions.js';
import { organizationFor } from '../server/admin/admin-operations.js';
import { type Config, loadConfig } from '../server/kernel/config/config.js';
import type { ServiceContext } from '../server/kernel/context.js';
import { DataDirLockedError } from '../server/kernel/db/data-dir-lock.js';
import { createLogger } from '../server/kernel/logging/logger.js';
import { openRuntime, type Runtime } from '../server/runtime.js';
import { type AdminClient, adminClient } from './admin-client.js';
import { CliError } from './cli-output.js';

/**
 * Opens the configured database (migrated, without creating an organisation), runs `fn`, closes it. With
 * `existing`, the installation must exist already: an embedded database and a signing key are never created
 * (a wrong TILLIT_DATA_DIR is an error, not a new installation).
 */
export async function withRuntime<T>(
  fn: (runtime: Runtime, config: Config) => Promise<T>,
  options: { existing?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  if (
    options.existing &&
    !config.databaseUrl &&
    !existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION'))
  ) {
    throw new CliError(
      `No Tillit database in ${config.dataDir}: set TILLIT_DATA_DIR to the installation's data directory (or DATABASE_URL)`,
    );
  }
  const runtime = await openRuntime(config, createLogger('warn'), {
    bootstrap: false,
    createSigningKey: !options.existing,
  });
  try {
    return await fn(runtime, config);
  } finally {
    await runtime.handle.close();
  }
}

/**
 * Runs an administration verb on an existing installation: itself when it can open the database, or through
 * the running server's local admin channel when the server holds the embedded database's lock.
 */
export async function withRuntimeOrServer<T>(
  local: (runtime: Runtime, config: Config) => Promise<T>,
  remote: (server: AdminClient, config: Config) => Promise<T>,
): Promise<T> {
  try {
    return await withRuntime(local, { existing: true });
  } catch (err) {
    const config = loadConfig();
    const server = err instanceof DataDirLockedError ? adminClient(config.dataDir) : undefined;
    if (!server) throw err;
    return remote(server, config);
  }
}

/** The organisation a command acts on: the one given, or the only one there is. */
export function organizationContext(runtime: Runtime, organizationId?: string): Promise<ServiceContext> {
  return organizationFor(runtime.handle.db, organizationId);
}

export function actAsUser(ctx: ServiceContext, userId: string, role: Role): ServiceContext {
  return { ...ctx, actor: { type: 'user', userId, tokenId: null, role, permissions: rolePermissions[role] } };
}

export function readSecretFromStdin(): string {
  const value = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  if (!value) throw new CliError('Expected the password on standard input');
  return value;
}
