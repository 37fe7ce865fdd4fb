import type { Kysely } from 'kysely';
import type { AuditVerification } from '../../../contracts/audit.js';
import type { Database } from '../db/schema.js';
import { auditLeafHashOfRow } from './audit-leaf.js';
import { parseCheckpoint, verifyCheckpointSignature } from './checkpoint.js';
import { MerkleAccumulator } from './merkle.js';

const BATCH = 5000;

export interface CheckpointToCheck {
  /** Where the checkpoint came from, used in problem messages. */
  source: string;
  note: string;
  publicKeyPem: string;
  keyName: string;
}

interface ExpectedRoot {
  source: string;
  treeSize: number;
  rootHex: string;
}

function expectedRootsOf(
  checkpoints: CheckpointToCheck[],
  origin: string,
  problems: string[],
): ExpectedRoot[] {
  const roots: ExpectedRoot[] = [];
  for (const c of checkpoints) {
    let parsed: ReturnType<typeof parseCheckpoint>;
    try {
      parsed = parseCheckpoint(c.note);
    } catch (err) {
      problems.push(`${c.source}: not a valid checkpoint (${(err as Error).message})`);
      continue;
    }
    if (!verifyCheckpointSignature(c.note, { keyName: c.keyName, publicKeyPem: c.publicKeyPem })) {
      problems.push(`${c.source}: signature does not verify with key ${c.keyName}`);
      continue;
    }
    if (parsed.origin !== origin) {
      problems.push(`${c.source}: checkpoint is for log ${parsed.origin}, not ${origin}`);
      continue;
    }
    roots.push({ source: c.source, treeSize: parsed.treeSize, rootHex: parsed.rootHash.toString('hex') });
  }
  return roots.sort((a, b) => a.treeSize - b.treeSize);
}

export function auditLogOrigin(organizationId: string): string {
  return `tillit/audit/${organizationId}`;
}

/** Where a verification starts: a trusted size and its Merkle frontier (see `MerkleAccumulator.fromFrontier`). */
export interface VerifiedPrefix {
  size: number;
  frontier: Buffer[];
}

export interface VerifyRange {
  /** Resume after this already-verified prefix instead of from the first event. */
  from?: VerifiedPrefix;
  /** Verify up to this size; default: the head size read before the events. */
  to?: number;
}

export interface RangeVerification extends AuditVerification {
  /** The frontier at `treeSize`, to resume from later. */
  frontier: Buffer[];
}

async function headSize(db: Kysely<Database>, organizationId: string): Promise<number> {
  const head = await db
    .selectFrom('audit_log_heads')
    .select('size')
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return head?.size ?? 0;
}

/**
 * Recomputes every leaf from the event's content, checks sequence continuity and the head size, and
 * compares the Merkle root at each checkpoint's size with the signed root. Streams the log in batches and
 * takes no lock: the head size is read first and only events up to it are verified (events committed with
 * a head update are all visible once that head is), so concurrent appends neither block nor confuse it.
 * With `range.from` it resumes from a verified prefix and hashes only the events after it.
 */
export async function verifyAuditLog(
  db: Kysely<Database>,
  organizationId: string,
  checkpoints: CheckpointToCheck[],
  range: VerifyRange = {},
): Promise<RangeVerification> {
  const problems: string[] = [];
  const size = range.to ?? (await headSize(db, organizationId));
  const start = range.from ?? { size: 0, frontier: [] };
  const expected = expectedRootsOf(checkpoints, auditLogOrigin(organizationId), problems).filter(
    (c) => c.treeSize >= start.size,
  );
  const acc = MerkleAccumulator.fromFrontier(start.size, start.frontier);
  let checkpointsVerified = 0;
  let next = 0;
  const compareAtCurrentSize = () => {
    while (next < expected.length && expected[next]?.treeSize === acc.size) {
      const cp = expected[next++] as ExpectedRoot;
      if (acc.root().toString('hex') === cp.rootHex) checkpointsVerified++;
      else
        problems.push(
          `${cp.source}: the first ${cp.treeSize} events no longer match the signed root (events were changed, removed, inserted or reordered)`,
        );
    }
  };
  compareAtCurrentSize();
  let lastSeq = start.size;
  while (lastSeq < size) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('seq', '>', lastSeq)
      .where('seq', '<=', size)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      if (row.seq !== lastSeq + 1) {
        problems.push(
          `events ${lastSeq + 1}–${row.seq - 1} are missing (sequence jumps from ${lastSeq} to ${row.seq})`,
        );
      }
      const recomputed = auditLeafHashOfRow(row);
      if (!recomputed.equals(Buffer.from(row.leaf_hash))) {
        problems.push(
          `event ${row.seq} (${row.action}) does not match its recorded hash: its content was changed`,
        );
      }
      acc.append(recomputed);
      lastSeq = row.seq;
      compareAtCurrentSize();
    }
    if (rows.length < BATCH) break;
  }
  if (acc.size !== size) {
    problems.push(`the log head records ${size} events but ${acc.size} are present`);
  }
  if (range.to === undefined) {
    // Read after the events: an event beyond the head that was committed before now is an insertion.
    const beyond = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    const latestHead = await headSize(db, organizationId);
    const maxSeq = Number(beyond?.seq ?? 0);
    if (maxSeq > latestHead) {
      problems.push(`the log head records ${latestHead} events but event ${maxSeq} is present`);
    }
  }
  for (const cp of expected.slice(next)) {
    if (cp.treeSize <= size || range.to === undefined)
      problems.push(
        `${cp.source}: signed for ${cp.treeSize} events but the log holds only ${acc.size} (events were removed)`,
      );
  }
  return {
    ok: problems.length === 0,
    treeSize: acc.size,
    rootHash: acc.root().toString('hex'),
    checkpointsVerified,
    problems,
    frontier: acc.frontier(),
  };
}
