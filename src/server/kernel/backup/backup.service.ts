import { type Kysely, sql } from 'kysely';
import {
  BackupFormatError,
  type BackupHeader,
  BackupWriter,
  readBackup,
} from '../../../formats/backup-archive.js';
import { latestMigrationName } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { isRetryableTransactionError, runTransaction } from '../db/transaction.js';

/** A table a backup holds, with the columns that order its rows. Modules declare theirs (`defineModule`). */
export interface BackupTable {
  name: string;
  orderBy: string;
}

/**
 * The tables in an order a restore can insert them in: every table after the tables its foreign keys point
 * to, otherwise in the order given. Self-references are left to each table's `orderBy`.
 */
export async function inRestoreOrder(
  db: Kysely<Database>,
  tables: readonly BackupTable[],
): Promise<BackupTable[]> {
  const keys = await sql<{ child: string; parent: string }>`
    SELECT c.relname AS child, p.relname AS parent
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND k.conrelid <> k.confrelid AND n.nspname = current_schema()`.execute(db);
  const names = new Set(tables.map((t) => t.name));
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of keys.rows) {
    if (!names.has(child) || !names.has(parent)) continue;
    parents.set(child, (parents.get(child) ?? new Set()).add(parent));
  }
  const placed = new Set<string>();
  const ordered: BackupTable[] = [];
  while (ordered.length < tables.length) {
    const next = tables.find(
      (t) => !placed.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => placed.has(p)),
    );
    if (!next) {
      const left = tables.filter((t) => !placed.has(t.name)).map((t) => t.name);
      throw new Error(`The foreign keys between these tables form a cycle: ${left.join(', ')}`);
    }
    placed.add(next.name);
    ordered.push(next);
  }
  return ordered;
}

const BATCH = 2000;

/**
 * Writes every backed-up table from one consistent snapshot. Rows are serialised by PostgreSQL itself
 * (row_to_json), so values round-trip exactly through json_populate_recordset on restore. The transaction
 * helper reruns the snapshot on a deadlock or serialization failure only until the first line is out: lines
 * already emitted cannot be taken back, so a conflict after that fails the backup instead.
 */
export async function writeBackup(
  db: Kysely<Database>,
  tables: readonly BackupTable[],
  auditPublicKey: string,
  emit: (line: string) => void | Promise<void>,
): Promise<{ rows: number }> {
  let emitted = false;
  const snapshot = async (trx: Kysely<Database>) => {
    const pending: string[] = [];
    const writer = new BackupWriter((line) => pending.push(line));
    const flush = async () => {
      for (const line of pending.splice(0)) {
        emitted = true;
        await emit(line);
      }
    };
    let rows = 0;
    const ordered = await inRestoreOrder(trx, tables);
    writer.header({
      format: 'tillit-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      migration: await latestMigrationName(),
      tables: ordered.map((t) => t.name),
      auditPublicKey,
    });
    for (const table of ordered) {
      for (let offset = 0; ; offset += BATCH) {
        const result = await sql<{ j: string }>`
          SELECT row_to_json(t)::text AS j FROM ${sql.table(table.name)} t
          ORDER BY ${sql.raw(table.orderBy)} LIMIT ${BATCH} OFFSET ${offset}`.execute(trx);
        for (const r of result.rows) writer.row(table.name, r.j);
        rows += result.rows.length;
        await flush();
        if (result.rows.length < BATCH) break;
      }
    }
    writer.end();
    await flush();
    return { rows };
  };
  return runTransaction(
    db,
    null,
    async (trx) => {
      try {
        return await snapshot(trx);
      } catch (err) {
        if (emitted && isRetryableTransactionError(err))
          throw new Error('A database conflict interrupted the backup half-way; run it again', {
            cause: err,
          });
        throw err;
      }
    },
    { isolationLevel: 'repeatable read' },
  );
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

async function assertEmpty(db: Kysely<Database>): Promise<void> {
  const org = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  if (org)
    throw new RestoreError(
      'The target database already holds data; restore only into an empty, migrated database',
    );
}

async function insertBatch(
  db: Kysely<Database>,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (!rows.length) return;
  await sql`INSERT INTO ${sql.table(table)}
            SELECT * FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(
    db,
  );
}

/**
 * Restores a backup into an empty database in one transaction: any problem leaves the database untouched.
 * The archive is opened only once the transaction runs, so a streaming reader loses no lines meanwhile, and
 * a rerun by the transaction helper (deadlock, serialization failure) reads it again from the start.
 */
export async function restoreBackup(
  db: Kysely<Database>,
  tables: readonly BackupTable[],
  openLines: () => AsyncIterable<string>,
): Promise<{ header: BackupHeader; rows: number }> {
  await assertEmpty(db);
  const latest = await latestMigrationName();
  return runTransaction(db, null, async (trx) => {
    let header: BackupHeader | undefined;
    let batch: Record<string, unknown>[] = [];
    let batchTable = '';
    let rows = 0;
    for await (const record of readBackup(openLines())) {
      if (record.kind === 'header') {
        header = record.header;
        if (header.migration !== latest) {
          throw new RestoreError(
            `The backup was made at schema ${header.migration}; this Tillit is at ${latest}`,
          );
        }
        const known = new Set(tables.map((t) => t.name));
        const unknown = header.tables.filter((t) => !known.has(t));
        if (unknown.length)
          throw new RestoreError(`The backup holds tables this Tillit does not know: ${unknown.join(', ')}`);
        continue;
      }
      if (record.table !== batchTable || batch.length >= 500) {
        await insertBatch(trx, batchTable, batch);
        batch = [];
        batchTable = record.table;
      }
      batch.push(record.row);
      rows++;
    }
    await insertBatch(trx, batchTable, batch);
    if (!header) throw new BackupFormatError('The archive has no header');
    return { header, rows };
  });
}
