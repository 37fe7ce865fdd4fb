import { createHash, type Hash } from 'node:crypto';
import { z } from 'zod';

export const BACKUP_FORMAT = 'tillit-backup';
export const BACKUP_VERSION = 1;

export const backupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime(),
  migration: z.string().min(1),
  tables: z.array(z.string().regex(/^[a-z_]+$/)).min(1),
  auditPublicKey: z.string().includes('PUBLIC KEY'),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

const rowLineSchema = z.strictObject({ t: z.string(), r: z.record(z.string(), z.unknown()) });
const trailerSchema = z.strictObject({
  end: z.literal(true),
  rows: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
}

/** Writes a backup as NDJSON lines: header, one line per row, and a trailer with the SHA-256 of all before it. */
export class BackupWriter {
  private readonly hash: Hash = createHash('sha256');
  private rows = 0;
  constructor(private readonly emit: (line: string) => void) {}

  private write(line: string): void {
    this.hash.update(line);
    this.emit(line);
  }

  header(h: BackupHeader): void {
    this.write(`${JSON.stringify(backupHeaderSchema.parse(h))}\n`);
  }

  row(table: string, rowJson: string): void {
    this.rows++;
    this.write(`{"t":${JSON.stringify(table)},"r":${rowJson}}\n`);
  }

  end(): void {
    this.emit(`${JSON.stringify({ end: true, rows: this.rows, sha256: this.hash.digest('hex') })}\n`);
  }
}

export type BackupRecord =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'row'; table: string; row: Record<string, unknown> };

function parseJsonLine(line: string, n: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupFormatError(`Line ${n} is not valid JSON`);
  }
}

/**
 * Reads a backup's lines; validates the header, every row line, table order and the trailer checksum.
 * A truncated or altered archive throws before the caller commits anything.
 */
export async function* readBackup(lines: AsyncIterable<string>): AsyncGenerator<BackupRecord> {
  const hash = createHash('sha256');
  let n = 0;
  let rows = 0;
  let header: BackupHeader | undefined;
  let tableIndex = 0;
  for await (const line of lines) {
    n++;
    if (line.length === 0) continue;
    const value = parseJsonLine(line, n);
    if (!header) {
      const h = backupHeaderSchema.safeParse(value);
      if (!h.success)
        throw new BackupFormatError(`Line 1 is not a Tillit backup header (${h.error.issues[0]?.message})`);
      header = h.data;
      hash.update(`${line}\n`);
      yield { kind: 'header', header };
      continue;
    }
    const trailer = trailerSchema.safeParse(value);
    if (trailer.success) {
      if (trailer.data.rows !== rows)
        throw new BackupFormatError(`Trailer counts ${trailer.data.rows} rows but the archive holds ${rows}`);
      if (trailer.data.sha256 !== hash.digest('hex'))
        throw new BackupFormatError('Checksum mismatch: the archive was altered or corrupted');
      return;
    }
    const row = rowLineSchema.safeParse(value);
    if (!row.success) throw new BackupFormatError(`Line ${n} is neither a row nor the trailer`);
    const at = header.tables.indexOf(row.data.t, tableIndex);
    if (at < 0) throw new BackupFormatError(`Line ${n}: table ${row.data.t} is unknown or out of order`);
    tableIndex = at;
    hash.update(`${line}\n`);
    rows++;
    yield { kind: 'row', table: row.data.t, row: row.data.r };
  }
  throw new BackupFormatError(
    header ? 'The archive is truncated: its trailer is missing' : 'The archive is empty',
  );
}
