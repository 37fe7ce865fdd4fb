import type { AuditVerification } from '../../../contracts/audit.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import {
  auditLogOrigin,
  type CheckpointToCheck,
  type VerifiedPrefix,
  verifyAuditLog,
} from './audit-verifier.js';
import { recordAuditEvent } from './audit-writer.js';
import { parseCheckpoint, signCheckpoint, verifyCheckpointSignature } from './checkpoint.js';
import { decodeFrontier, encodeFrontier, MerkleAccumulator } from './merkle.js';
import type { AuditKeyring } from './signing-key.js';

export interface CreatedCheckpoint {
  treeSize: number;
  rootHash: string;
  createdAt: string;
  note: string;
}

/** The checkpoints Tillit stored itself, each with the public key that signed it. */
export async function storedCheckpoints(
  ctx: ServiceContext,
  fromSize = 0,
): Promise<(CheckpointToCheck & { treeSize: number })[]> {
  const rows = await ctx.db
    .selectFrom('audit_checkpoints')
    .select(['id', 'note', 'public_key', 'key_name', 'tree_size'])
    .where('organization_id', '=', ctx.organizationId)
    .where('tree_size', '>=', fromSize)
    .orderBy('tree_size')
    .execute();
  return rows.map((r) => ({
    treeSize: r.tree_size,
    source: `stored checkpoint at size ${r.tree_size}`,
    note: r.note,
    publicKeyPem: r.public_key,
    keyName: r.key_name,
  }));
}

export interface VerifyOptions {
  /** Public keys (PEM) whose checkpoints are trusted: this installation's key and any imported ones. */
  trustedPublicKeys: string[];
  /** Checkpoints kept outside Tillit, e.g. read from files. */
  external?: CheckpointToCheck[];
}

const normalisePem = (pem: string) => pem.replace(/\s+/g, '');

/**
 * Verifies the log against its stored checkpoints and any external ones. A stored checkpoint signed by a
 * key that is not trusted is reported, since whoever can write the database could have signed it.
 */
export async function verifyOrganizationAuditLog(
  ctx: ServiceContext,
  options: VerifyOptions,
): Promise<AuditVerification> {
  const trusted = new Set(options.trustedPublicKeys.map(normalisePem));
  const stored = await storedCheckpoints(ctx);
  const untrusted = stored.filter((c) => !trusted.has(normalisePem(c.publicKeyPem)));
  const result = await verifyAuditLog(ctx.db, ctx.organizationId, [
    ...stored.filter((c) => trusted.has(normalisePem(c.publicKeyPem))),
    ...(options.external ?? []),
  ]);
  const problems = [
    ...untrusted.map((c) => `${c.source}: signed by a key this installation does not trust`),
    ...result.problems,
  ];
  return {
    ok: problems.length === 0,
    treeSize: result.treeSize,
    rootHash: result.rootHash,
    checkpointsVerified: result.checkpointsVerified,
    problems,
  };
}

export interface CheckpointHooks {
  /** Called after the new events are hashed and before the signing transaction (tests pause here). */
  afterHashing?: () => Promise<void>;
}

/**
 * The newest stored checkpoint at or below `size` that this installation signed or trusts and whose
 * stored frontier reproduces its signed root: the prefix the next checkpoint resumes from. None (start
 * from the first event) when there is no such checkpoint.
 */
export async function latestVerifiedPrefix(
  ctx: ServiceContext,
  trustedPublicKeys: string[],
  size: number,
): Promise<VerifiedPrefix | undefined> {
  const trusted = new Set(trustedPublicKeys.map(normalisePem));
  const rows = await ctx.db
    .selectFrom('audit_checkpoints')
    .select(['note', 'public_key', 'key_name', 'tree_size', 'frontier'])
    .where('organization_id', '=', ctx.organizationId)
    .where('tree_size', '<=', size)
    .where('frontier', 'is not', null)
    .orderBy('tree_size', 'desc')
    .limit(20)
    .execute();
  for (const row of rows) {
    if (!row.frontier || !trusted.has(normalisePem(row.public_key))) continue;
    if (!verifyCheckpointSignature(row.note, { keyName: row.key_name, publicKeyPem: row.public_key }))
      continue;
    try {
      const parsed = parseCheckpoint(row.note);
      const frontier = decodeFrontier(row.frontier);
      const acc = MerkleAccumulator.fromFrontier(parsed.treeSize, frontier);
      const fits = parsed.treeSize === row.tree_size && acc.root().equals(parsed.rootHash);
      if (fits && parsed.origin === auditLogOrigin(ctx.organizationId))
        return { size: row.tree_size, frontier };
    } catch {
      // A frontier or note that does not parse is not a prefix to resume from; an older one may be.
    }
  }
  return undefined;
}

/**
 * Signs the current root. Reads the head size without locking it, resumes from the previous checkpoint's
 * Merkle frontier and re-hashes only the events added since (checking each against its recorded hash and
 * the sequence), then signs and stores the new checkpoint with its frontier in a short transaction. Writes
 * are never blocked while it hashes. A full re-verification of the whole log is `verifyOrganizationAuditLog`
 * (the daily job, the verification page and `tillit audit verify`).
 */
export async function createCheckpoint(
  ctx: ServiceContext,
  keyring: AuditKeyring,
  hooks: CheckpointHooks = {},
): Promise<CreatedCheckpoint> {
  const key = keyring.signing;
  const trusted = new Set(keyring.trustedPublicKeys.map(normalisePem));
  const head = await ctx.db
    .selectFrom('audit_log_heads')
    .select('size')
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  const size = head?.size ?? 0;
  const from = await latestVerifiedPrefix(ctx, keyring.trustedPublicKeys, size);
  const inRange = (await storedCheckpoints(ctx, from?.size ?? 0)).filter((c) => c.treeSize <= size);
  const untrusted = inRange.filter((c) => !trusted.has(normalisePem(c.publicKeyPem)));
  const verification = await verifyAuditLog(
    ctx.db,
    ctx.organizationId,
    inRange.filter((c) => trusted.has(normalisePem(c.publicKeyPem))),
    { from, to: size },
  );
  const problems = [
    ...untrusted.map((c) => `${c.source}: signed by a key this installation does not trust`),
    ...verification.problems,
  ];
  if (problems.length > 0) {
    throw new AppError(
      'CONFLICT',
      `The audit log failed verification; no checkpoint was signed: ${problems.join('; ')}`,
    );
  }
  await hooks.afterHashing?.();
  return inTransaction(ctx, async (tx) => {
    const createdAt = new Date();
    const rootHash = Buffer.from(verification.rootHash, 'hex');
    const note = signCheckpoint(
      {
        origin: auditLogOrigin(tx.organizationId),
        treeSize: verification.treeSize,
        rootHash,
        timestamp: createdAt.toISOString(),
      },
      { keyName: key.keyName, privateKeyPem: key.privateKeyPem },
    );
    await tx.db
      .insertInto('audit_checkpoints')
      .values({
        organization_id: tx.organizationId,
        tree_size: verification.treeSize,
        root_hash: rootHash,
        key_name: key.keyName,
        key_id: key.keyId,
        public_key: key.publicKeyPem,
        note,
        frontier: encodeFrontier(verification.frontier),
        created_at: createdAt,
      })
      .execute();
    await recordAuditEvent(
      tx,
      'audit.checkpoint-created',
      { type: 'audit-log', id: null },
      {
        treeSize: verification.treeSize,
        rootHash: verification.rootHash,
        keyId: key.keyId,
      },
    );
    return {
      treeSize: verification.treeSize,
      rootHash: verification.rootHash,
      createdAt: createdAt.toISOString(),
      note,
    };
  });
}
