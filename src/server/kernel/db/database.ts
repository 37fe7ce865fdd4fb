import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** The driver pool under Kysely, for libraries that bring their own SQL (pg-boss). */
  pool: pg.Pool;
  kind: DatabaseKind;
  /** Where the embedded database lives, for PGlite only. */
  pglite?: PGlite;
  close(): Promise<void>;
}

const INT8_OID = 20;

function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} is outside the safe integer range`);
  return n;
}

/**
 * The one place where driver differences are normalised: int8 and count(*) come back as numbers on
 * both PGlite and PostgreSQL; bytea comes back as a Buffer; timestamptz as a Date.
 */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return parseInt8;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function kyselyOver(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** How long a request waits for a connection (pool slot and TCP/startup) before it fails with 503. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * `statementTimeoutMs`: PostgreSQL cancels a statement that runs longer (SQLSTATE 57014), so one slow query
 * cannot hold a connection and its locks for ever; 0 or absent means no limit.
 */
export async function openPostgres(
  url: string,
  poolSize = 10,
  options: { statementTimeoutMs?: number } = {},
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    types: typeParsers,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  // A connection that the server closes (restart, failover, pg_terminate_backend) emits 'error'; without
  // a listener that error would crash the process. Idle ones are dropped by the pool and replaced on the
  // next query; a checked-out one fails its query (the request answers 503) and is not reused.
  pool.on('error', () => undefined);
  // JIT compilation off for every connection: Tillit's queries are short, and PostgreSQL compiles any plan whose
  // estimated cost passes jit_above_cost — the coverage dashboard at 10× the demo spent 107 of its 115 ms
  // compiling (8 ms executing), and under concurrent requests the compilations queue for the CPU.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    client.query('SET jit = off').catch(() => undefined);
  });
  const db = kyselyOver(pool);
  await sql`select 1`.execute(db);
  return { db, pool, kind: 'postgres', close: () => db.destroy() };
}

/** Wraps an open PGlite instance; the caller keeps ownership of locking. */
export function wrapPglite(pglite: PGlite, onClose?: () => void): DatabaseHandle {
  const pool = new pg.Pool({ ...createPgConfig(pglite), types: typeParsers });
  const db = kyselyOver(pool);
  return {
    db,
    pool,
    kind: 'pglite',
    pglite,
    async close() {
      await db.destroy();
      await pglite.close();
      onClose?.();
    },
  };
}

export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const release = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(path.join(dataDir, 'pglite'));
    return wrapPglite(pglite, release);
  } catch (err) {
    release();
    throw err;
  }
}

export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  statementTimeoutMs?: number;
}): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, 10, { statementTimeoutMs: options.statementTimeoutMs ?? 0 })
    : openPglite(options.dataDir);
}
