import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely/migration';
import type { Database } from './schema.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const migrationFile = /^\d{8}_\d{4}_[a-z0-9_]+\.(ts|js)$/;

async function migrationFiles(): Promise<string[]> {
  return (await readdir(migrationsDir)).filter((f) => migrationFile.test(f)).sort();
}

/** Loads every migration file in `migrations/`; files are append-only and ordered by their timestamped name. */
class DirectoryMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = await migrationFiles();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const mod = (await import(pathToFileURL(path.join(migrationsDir, file)).href)) as Migration;
      // A migration may rewrite a large table: the statement timeout that guards requests does not apply.
      migrations[file.replace(/\.(ts|js)$/, '')] = {
        up: async (db) => {
          await sql`SET LOCAL statement_timeout = 0`.execute(db);
          await mod.up(db);
        },
      };
    }
    return migrations;
  }
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

function migratorFor(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: new DirectoryMigrationProvider(),
    migrationTableName: 'tillit_migrations',
    migrationLockTableName: 'tillit_migrations_lock',
  });
}

function assertSucceeded({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * True when the database has applied exactly the migrations there are files for. One query: the migrator itself
 * loads every migration file and reads the whole catalogue (about 1.5 CPU-seconds on PGlite), which every
 * `tillit` process would pay on start for nothing.
 */
async function upToDate(db: Kysely<Database>): Promise<boolean> {
  const files = (await migrationFiles()).map((f) => f.replace(/\.(ts|js)$/, ''));
  let applied: string[];
  try {
    const rows = await sql<{ name: string }>`SELECT name FROM tillit_migrations ORDER BY name`.execute(db);
    applied = rows.rows.map((r) => r.name);
  } catch {
    return false; // a new database: no migrations table yet
  }
  return applied.length === files.length && applied.every((name, i) => name === files[i]);
}

/** Applies pending migrations; returns the names applied now. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  if (await upToDate(db)) return [];
  return assertSucceeded(await migratorFor(db).migrateToLatest());
}

export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const all = await migratorFor(db).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

export async function latestMigrationName(): Promise<string> {
  return (await migrationFiles()).at(-1)?.replace(/\.(ts|js)$/, '') ?? '';
}
