import type { ConsistencyProof, InclusionProof } from '../../../contracts/audit.js';
import type { ServiceContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { auditLeafHashOfRow } from './audit-leaf.js';
import { consistencyProof, inclusionProof, merkleRoot } from './merkle.js';

const BATCH = 5000;

/** Leaf hashes recomputed from the events' content, in order, for the first `size` events. */
async function leafHashes(ctx: ServiceContext, size: number): Promise<Buffer[]> {
  const leaves: Buffer[] = [];
  while (leaves.length < size) {
    const rows = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', ctx.organizationId)
      .where('seq', '>', leaves.length)
      .orderBy('seq')
      .limit(Math.min(BATCH, size - leaves.length))
      .execute();
    for (const row of rows) {
      if (row.seq !== leaves.length + 1)
        throw new AppError('CONFLICT', `The audit log has a gap before event ${row.seq}; run verification`);
      leaves.push(auditLeafHashOfRow(row));
    }
    if (rows.length === 0) break;
  }
  return leaves;
}

async function logSize(ctx: ServiceContext): Promise<number> {
  const head = await ctx.db
    .selectFrom('audit_log_heads')
    .select('size')
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  return head?.size ?? 0;
}

function assertWithin(what: string, value: number, size: number): void {
  if (value > size)
    throw new AppError('VALIDATION_FAILED', `${what} ${value} is beyond the log's ${size} events`, [
      { path: what, message: `at most ${size}` },
    ]);
}

const hex = (b: Buffer) => b.toString('hex');

/**
 * Proves that the log of `to` events extends the log of `from` events unchanged, so someone holding an
 * old checkpoint can check a newer root without reading the events (RFC 6962 §2.1.2).
 */
export async function proveConsistency(
  ctx: ServiceContext,
  from: number,
  to?: number,
): Promise<ConsistencyProof> {
  const size = await logSize(ctx);
  const toSize = to ?? size;
  assertWithin('to', toSize, size);
  assertWithin('from', from, toSize);
  const leaves = await leafHashes(ctx, toSize);
  return {
    fromSize: from,
    toSize,
    fromRoot: hex(merkleRoot(leaves.slice(0, from))),
    toRoot: hex(merkleRoot(leaves)),
    proof: consistencyProof(leaves, from).map(hex),
  };
}

/** Proves that event `seq` is in the tree of `treeSize` events (RFC 6962 §2.1.1). */
export async function proveInclusion(
  ctx: ServiceContext,
  seq: number,
  treeSize?: number,
): Promise<InclusionProof> {
  const size = await logSize(ctx);
  const n = treeSize ?? size;
  assertWithin('treeSize', n, size);
  if (seq < 1 || seq > n) throw new AppError('NOT_FOUND', `Event ${seq} is not in a tree of ${n} events`);
  const leaves = await leafHashes(ctx, n);
  return {
    seq,
    leafHash: hex(leaves[seq - 1] as Buffer),
    treeSize: n,
    rootHash: hex(merkleRoot(leaves)),
    proof: inclusionProof(leaves, seq - 1).map(hex),
  };
}
