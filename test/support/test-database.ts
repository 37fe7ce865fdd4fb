import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { packageRoot } from '../../src/server/kernel/config/package-root.js';
import {
  type DatabaseHandle,
  openPglite,
  openPostgres,
  wrapPglite,
} from '../../src/server/kernel/db/database.js';
import { migrateToLatest } from '../../src/server/kernel/db/migrate.js';
import type { Database } from '../../src/server/kernel/db/schema.js';

const root = packageRoot;
const migrationsDir = path.join(root, 'src/server/kernel/db/migrations');

/** Changes whenever a migration file changes, so cached templates never go stale. */
function schemaFingerprint(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(migrationsDir).sort())
    h.update(f).update(readFileSync(path.join(migrationsDir, f)));
  return h.digest('hex').slice(0, 16);
}

export const testDatabaseUrl = process.env.TILLIT_TEST_DATABASE_URL;
export const testDatabaseKind = testDatabaseUrl ? 'postgres' : 'pglite';

let pgliteTarball: Promise<Blob> | undefined;

/**
 * The migrated, empty database as an uncompressed PGlite data-directory tarball: built once per schema and cached
 * in .cache, then held in memory for the test file. Every database of the file is loaded from it, which costs
 * what PGlite's clone() costs (clone() is a dump to this same kind of tarball and a load) without booting a
 * template instance first or gunzipping anything.
 */
function pgliteTemplateTarball(): Promise<Blob> {
  pgliteTarball ??= (async () => {
    const cacheDir = path.join(root, '.cache');
    const file = path.join(cacheDir, `pglite-template-${schemaFingerprint()}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const fresh = await PGlite.create();
    try {
      await migrateToLatest(wrapPglite(fresh).db);
      const dump = await fresh.dumpDataDir('none');
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      renameSync(tmp, file);
      return dump;
    } finally {
      await fresh.close();
    }
  })();
  return pgliteTarball;
}

let pgliteArtifacts: Promise<{ pgliteWasmModule: WebAssembly.Module; fsBundle: Blob }> | undefined;

/** PGlite's compiled WebAssembly and its file-system bundle, read once per test file instead of per database. */
function pgliteStartArtifacts(): Promise<{ pgliteWasmModule: WebAssembly.Module; fsBundle: Blob }> {
  pgliteArtifacts ??= (async () => {
    const dist = path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
    return {
      pgliteWasmModule: await WebAssembly.compile(readFileSync(path.join(dist, 'pglite.wasm'))),
      fsBundle: new Blob([readFileSync(path.join(dist, 'pglite.data'))]),
    };
  })();
  return pgliteArtifacts;
}

const tarballs = new Map<string, Blob>();

/** A PGlite data-directory tarball written by `dumpPglite`, read once per test file. */
function tarballFile(file: string): Blob {
  let blob = tarballs.get(file);
  if (!blob) {
    blob = new Blob([readFileSync(file)]);
    tarballs.set(file, blob);
  }
  return blob;
}

/**
 * A fresh PGlite copy of the migrated template, or of the tarball `from` (a database seeded once per run, see
 * `dumpPglite`): in memory, or in `dataDir` when given.
 */
async function loadPgliteTemplate(dataDir?: string, from?: string): Promise<PGlite> {
  const [loadDataDir, artifacts] = await Promise.all([
    from ? tarballFile(from) : pgliteTemplateTarball(),
    pgliteStartArtifacts(),
  ]);
  return PGlite.create({ ...(dataDir ? { dataDir } : {}), loadDataDir, ...artifacts });
}

/** Puts a copy of the migrated, empty PGlite template where `tillit` keeps its database in `dataDir`. */
export async function copyMigratedPglite(dataDir: string): Promise<void> {
  await (await loadPgliteTemplate(path.join(dataDir, 'pglite'))).close();
}

/** Writes a PGlite database (of `createTestDatabase`) to `file` as an uncompressed tarball, for `from` above. */
export async function dumpPglite(handle: DatabaseHandle, file: string): Promise<void> {
  if (!handle.pglite) throw new Error('dumpPglite needs a PGlite database');
  writeFileSync(file, Buffer.from(await (await handle.pglite.dumpDataDir('none')).arrayBuffer()));
}

let pgTemplateReady: Promise<string> | undefined;

async function preparePostgresTemplate(url: string): Promise<string> {
  const name = `tillit_tpl_${schemaFingerprint()}`;
  // One connection that is never closed while idle: the advisory lock belongs to it, and the pool's default
  // closes a connection idle for 10 s, which the migrations below can take on a busy machine (the lock went with
  // it, and a second process built the same template: "database … already exists").
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 0 }),
    }),
  });
  try {
    await sql`SELECT pg_advisory_lock(7146110002)`.execute(admin);
    const exists = await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`.execute(admin);
    if (exists.rows.length === 0) {
      const building = `${name}_build_${process.pid}`;
      await sql`CREATE DATABASE ${sql.id(building)}`.execute(admin);
      const handle = await openPostgres(withDatabase(url, building), 1);
      await migrateToLatest(handle.db);
      await handle.close();
      await sql`ALTER DATABASE ${sql.id(building)} RENAME TO ${sql.id(name)}`.execute(admin);
    }
    await sql`SELECT pg_advisory_unlock(7146110002)`.execute(admin);
  } finally {
    await admin.destroy();
  }
  return name;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A fresh, migrated, empty database of the kind under test (PGlite by default, PostgreSQL when configured). With
 * `from`, a copy of that seeded database instead of the empty template: on PGlite a tarball written by
 * `dumpPglite`, on PostgreSQL a database made by `createKeptPostgresDatabase`.
 */
export async function createTestDatabase(
  options: { statementTimeoutMs?: number; from?: string } = {},
): Promise<DatabaseHandle> {
  if (!testDatabaseUrl) {
    return wrapPglite(await loadPgliteTemplate(undefined, options.from));
  }
  pgTemplateReady ??= preparePostgresTemplate(testDatabaseUrl);
  const template = options.from ?? (await pgTemplateReady);
  const name = `tillit_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: testDatabaseUrl, max: 1 }) }),
  });
  await sql`CREATE DATABASE ${sql.id(name)} TEMPLATE ${sql.id(template)}`.execute(admin);
  const handle = await openPostgres(withDatabase(testDatabaseUrl, name), 4, options);
  return {
    ...handle,
    async close() {
      await handle.close();
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin);
      await admin.destroy();
    },
  };
}

/**
 * PostgreSQL: a new database `name`, copied from the migrated template, that outlives its handle (a template for
 * `createTestDatabase({ from: name })`). Whoever makes it drops it: scripts/test-schedule.js drops the ones named
 * in the test run's directory after the run.
 */
export async function createKeptPostgresDatabase(name: string): Promise<DatabaseHandle> {
  if (!testDatabaseUrl) throw new Error('createKeptPostgresDatabase needs TILLIT_TEST_DATABASE_URL');
  pgTemplateReady ??= preparePostgresTemplate(testDatabaseUrl);
  const template = await pgTemplateReady;
  const admin = await openPostgres(testDatabaseUrl, 1);
  try {
    await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
    await sql`CREATE DATABASE ${sql.id(name)} TEMPLATE ${sql.id(template)}`.execute(admin.db);
  } finally {
    await admin.close();
  }
  return openPostgres(withDatabase(testDatabaseUrl, name), 4);
}

export type TestDb = Kysely<Database>;

export interface TestInstance {
  /** Environment for a `tillit` process: its data directory and, on PostgreSQL, its own empty database. */
  env: Record<string, string>;
  dataDir: string;
  open(): Promise<DatabaseHandle>;
  dispose(): Promise<void>;
}

/**
 * Settings for a real `tillit` process on a fresh, empty database of the kind under test. With `migrated`, the
 * database is a copy of the migrated template (as after a first `tillit migrate`), which spares the process
 * PGlite's initdb and every migration; without it, the process starts from nothing (what a first start tests).
 */
export async function createTestInstance(
  label: string,
  options: { migrated?: boolean } = {},
): Promise<TestInstance> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `tillit-${label}-`));
  if (!testDatabaseUrl) {
    if (options.migrated) await copyMigratedPglite(dataDir);
    return {
      env: { TILLIT_DATA_DIR: dataDir },
      dataDir,
      open: () => openPglite(dataDir),
      dispose: async () => undefined,
    };
  }
  const name = `tillit_${label.replace(/\W/g, '_')}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(testDatabaseUrl, 1);
  if (options.migrated) {
    pgTemplateReady ??= preparePostgresTemplate(testDatabaseUrl);
    await sql`CREATE DATABASE ${sql.id(name)} TEMPLATE ${sql.id(await pgTemplateReady)}`.execute(admin.db);
  } else {
    await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
  }
  const url = withDatabase(testDatabaseUrl, name);
  return {
    env: { TILLIT_DATA_DIR: dataDir, DATABASE_URL: url },
    dataDir,
    open: () => openPostgres(url, 2),
    async dispose() {
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
      await admin.close();
    },
  };
}
