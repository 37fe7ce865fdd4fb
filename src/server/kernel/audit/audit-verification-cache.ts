import { sql } from 'kysely';
import type { AuditVerification } from '../../../contracts/audit.js';
import type { ServiceContext } from '../context.js';
import { storedCheckpoints, type VerifyOptions } from './audit-checkpoints.js';
import { type RangeVerification, verifyAuditLog } from './audit-verifier.js';
import { decodeFrontier, encodeFrontier } from './merkle.js';

export type CachedVerification = AuditVerification & { verifiedAt: string; fullyVerifiedAt: string };

const normalisePem = (pem: string) => pem.replace(/\s+/g, '');

/** Verifies stored checkpoints from `fromSize` on (and only those) and the events after `from`. */
async function verifyFrom(
  ctx: ServiceContext,
  options: VerifyOptions,
  from?: { size: number; frontier: Buffer[] },
): Promise<RangeVerification> {
  const trusted = new Set(options.trustedPublicKeys.map(normalisePem));
  const startSize = from ? from.size + 1 : 0;
  const stored = await storedCheckpoints(ctx, startSize);
  const untrusted = stored.filter((c) => !trusted.has(normalisePem(c.publicKeyPem)));
  const result = await verifyAuditLog(
    ctx.db,
    ctx.organizationId,
    stored.filter((c) => trusted.has(normalisePem(c.publicKeyPem))),
    from ? { from } : {},
  );
  const problems = [
    ...untrusted.map((c) => `${c.source}: signed by a key this installation does not trust`),
    ...result.problems,
  ];
  return { ...result, ok: problems.length === 0, problems };
}

async function store(
  ctx: ServiceContext,
  result: RangeVerification,
  fullyVerifiedAt: Date,
): Promise<CachedVerification> {
  const verifiedAt = new Date();
  await sql`
    INSERT INTO audit_verifications AS v (organization_id, tree_size, frontier, root_hash, checkpoints_verified,
      problems, fully_verified_at, verified_at)
    VALUES (${ctx.organizationId}, ${result.treeSize}, ${encodeFrontier(result.frontier)},
      ${Buffer.from(result.rootHash, 'hex')}, ${result.checkpointsVerified}, ${JSON.stringify(result.problems)},
      ${fullyVerifiedAt}, ${verifiedAt})
    ON CONFLICT (organization_id) DO UPDATE SET tree_size = excluded.tree_size, frontier = excluded.frontier,
      root_hash = excluded.root_hash, checkpoints_verified = excluded.checkpoints_verified,
      problems = excluded.problems, fully_verified_at = excluded.fully_verified_at, verified_at = excluded.verified_at
    WHERE excluded.fully_verified_at > v.fully_verified_at OR excluded.tree_size >= v.tree_size`.execute(
    ctx.db,
  );
  return {
    ok: result.ok,
    treeSize: result.treeSize,
    rootHash: result.rootHash,
    checkpointsVerified: result.checkpointsVerified,
    problems: result.problems,
    verifiedAt: verifiedAt.toISOString(),
    fullyVerifiedAt: fullyVerifiedAt.toISOString(),
  };
}

/**
 * Re-hashes the whole log, lock-free, and caches the result with its frontier. Run by the daily
 * `audit-verify` job (and when no cached result exists); `tillit audit verify` is the external full check.
 */
export async function refreshFullVerification(
  ctx: ServiceContext,
  options: VerifyOptions,
): Promise<CachedVerification> {
  const startedAt = new Date();
  return store(ctx, await verifyFrom(ctx, options), startedAt);
}

/**
 * The verification the audit-integrity page shows: the cached result of the last full verification,
 * extended over the events and checkpoints added since (only those are hashed). Problems found by the last
 * full verification stay reported until a full verification no longer finds them.
 */
export async function currentVerification(
  ctx: ServiceContext,
  options: VerifyOptions,
): Promise<CachedVerification> {
  const cached = await ctx.db
    .selectFrom('audit_verifications')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .executeTakeFirst();
  if (!cached) return refreshFullVerification(ctx, options);
  const tail = await verifyFrom(ctx, options, {
    size: cached.tree_size,
    frontier: decodeFrontier(cached.frontier),
  });
  const problems = [...cached.problems, ...tail.problems];
  return store(
    ctx,
    {
      ...tail,
      ok: problems.length === 0,
      problems,
      checkpointsVerified: cached.checkpoints_verified + tail.checkpointsVerified,
    },
    cached.fully_verified_at,
  );
}
