import { sql } from 'kysely';
import type { AuditVerification } from '../../../contracts/audit.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { auditLogOrigin, type CheckpointToCheck, verifyAuditLog } from './audit-verifier.js';
import { recordAuditEvent } from './audit-writer.js';
import { signCheckpoint } from './checkpoint.js';
import type { AuditKeyring } from './signing-key.js';

export interface CreatedCheckpoint {
  treeSize: number;
  rootHash: string;
  createdAt: string;
  note: string;
}

/** The checkpoints Tillit stored itself, each with the public key that signed it. */
export async function storedCheckpoints(ctx: ServiceContext): Promise<CheckpointToCheck[]> {
  const rows = await ctx.db
    .selectFrom('audit_checkpoints')
    .select(['id', 'note', 'public_key', 'key_name', 'tree_size'])
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('tree_size')
    .execute();
  return rows.map((r) => ({
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
  return { ...result, ok: problems.length === 0, problems };
}

/**
 * Signs the current root after proving the log intact. Appends are blocked while it runs, so the
 * signed size is exactly the verified size.
 */
export async function createCheckpoint(
  ctx: ServiceContext,
  keyring: AuditKeyring,
): Promise<CreatedCheckpoint> {
  const key = keyring.signing;
  return inTransaction(ctx, async (tx) => {
    await sql`INSERT INTO audit_log_heads (organization_id, size) VALUES (${tx.organizationId}, 0)
              ON CONFLICT (organization_id) DO NOTHING`.execute(tx.db);
    await sql`SELECT size FROM audit_log_heads WHERE organization_id = ${tx.organizationId} FOR UPDATE`.execute(
      tx.db,
    );
    const verification = await verifyOrganizationAuditLog(tx, {
      trustedPublicKeys: keyring.trustedPublicKeys,
    });
    if (!verification.ok) {
      throw new AppError(
        'CONFLICT',
        `The audit log failed verification; no checkpoint was signed: ${verification.problems.join('; ')}`,
      );
    }
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
