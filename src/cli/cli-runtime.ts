import { readFileSync } from 'node:fs';
import { type Role, rolePermissions } from '../contracts/permissions.js';
import { type Config, loadConfig } from '../server/kernel/config/config.js';
import type { ServiceContext } from '../server/kernel/context.js';
import { systemActor } from '../server/kernel/context.js';
import { createLogger } from '../server/kernel/logging/logger.js';
import { openRuntime, type Runtime } from '../server/runtime.js';

export class CliError extends Error {
  override name = 'CliError';
}

/** Opens the configured database (migrated, without creating an organisation), runs `fn`, closes it. */
export async function withRuntime<T>(fn: (runtime: Runtime, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const runtime = await openRuntime(config, createLogger('warn'), { bootstrap: false });
  try {
    return await fn(runtime, config);
  } finally {
    await runtime.handle.close();
  }
}

/** The organisation a command acts on: the one given, or the only one there is. */
export async function organizationContext(
  runtime: Runtime,
  organizationId?: string,
): Promise<ServiceContext> {
  const db = runtime.handle.db;
  const orgs = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .orderBy('created_at')
    .limit(2)
    .execute();
  if (organizationId) {
    if (
      !(await db.selectFrom('organizations').select('id').where('id', '=', organizationId).executeTakeFirst())
    ) {
      throw new CliError(`No organisation with id ${organizationId}`);
    }
    return { db, organizationId, actor: systemActor };
  }
  if (orgs.length === 0)
    throw new CliError('The database has no organisation yet: start Tillit once with `tillit serve`');
  if (orgs.length > 1) throw new CliError('Several organisations exist: name one with --org <id>');
  return { db, organizationId: (orgs[0] as { id: string }).id, actor: systemActor };
}

export function actAsUser(ctx: ServiceContext, userId: string, role: Role): ServiceContext {
  return { ...ctx, actor: { type: 'user', userId, tokenId: null, role, permissions: rolePermissions[role] } };
}

export function readSecretFromStdin(): string {
  const value = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  if (!value) throw new CliError('Expected the password on standard input');
  return value;
}

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
