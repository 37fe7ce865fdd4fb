import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import { verifyOrganizationAuditLog } from '../kernel/audit/audit-checkpoints.js';
import type { CheckpointToCheck } from '../kernel/audit/audit-verifier.js';
import { publicKeyId, verifyCheckpointSignature } from '../kernel/audit/checkpoint.js';
import { AUDIT_KEY_NAME, type AuditKeyring } from '../kernel/audit/signing-key.js';
import { writeBackup } from '../kernel/backup/backup.service.js';
import { type ServiceContext, systemActor } from '../kernel/context.js';
import type { Database } from '../kernel/db/schema.js';
import { AppError } from '../kernel/errors/app-error.js';
import {
  exportSoa,
  findFrameworkByKeyOrUndefined,
  type SoaFormat,
  soaFormats,
} from '../modules/frameworks/index.js';
import { backupTables } from '../modules/index.js';

/**
 * The administration verbs that must also work while the server runs on the embedded database: the CLI runs
 * them itself when it can open the data directory, and asks the running server (admin-channel.ts) otherwise.
 */
export class OperationError extends Error {
  override name = 'OperationError';
}

export interface OperationRuntime {
  db: Kysely<Database>;
  keyring: AuditKeyring;
}

/** The organisation a command acts on: the one given, or the only one there is. */
export async function organizationFor(
  db: Kysely<Database>,
  organizationId?: string,
): Promise<ServiceContext> {
  if (organizationId) {
    const org = await db
      .selectFrom('organizations')
      .select('id')
      .where('id', '=', organizationId)
      .executeTakeFirst();
    if (!org) throw new OperationError(`No organisation with id ${organizationId}`);
    return { db, organizationId, actor: systemActor };
  }
  const orgs = await db.selectFrom('organizations').select('id').orderBy('created_at').limit(2).execute();
  const [only] = orgs;
  if (!only)
    throw new OperationError('The database has no organisation yet: start Tillit once with `tillit serve`');
  if (orgs.length > 1) throw new OperationError('Several organisations exist: name one with --org <id>');
  return { db, organizationId: only.id, actor: systemActor };
}

/** Writes a gzip NDJSON backup of the database to `out` and ends it. */
export async function streamBackup(rt: OperationRuntime, out: Writable): Promise<{ rows: number }> {
  const gzip = createGzip();
  const written = pipeline(gzip, out);
  try {
    const { rows } = await writeBackup(rt.db, backupTables, rt.keyring.signing.publicKeyPem, async (line) => {
      if (!gzip.write(line)) await once(gzip, 'drain');
    });
    gzip.end();
    await written;
    return { rows };
  } catch (err) {
    gzip.destroy(err as Error);
    await written.catch(() => undefined);
    throw err;
  }
}

export interface VerifyRequest {
  org?: string | undefined;
  /** Checkpoints kept outside Tillit, read from files by the CLI. */
  checkpoints: { source: string; note: string }[];
  /** The key that signed them, when given; otherwise every key this installation trusts is tried. */
  publicKeyPem?: string | undefined;
}

export interface VerifyReport {
  ok: boolean;
  /** What to print, line by line. */
  lines: string[];
}

/** Which trusted key signed a checkpoint, and how to name it to a person. */
function signerOf(note: string, candidates: { pem: string; label: string }[]) {
  return candidates.find((c) =>
    verifyCheckpointSignature(note, { keyName: AUDIT_KEY_NAME, publicKeyPem: c.pem }),
  );
}

export async function verifyAuditOperation(rt: OperationRuntime, req: VerifyRequest): Promise<VerifyReport> {
  const ctx = await organizationFor(rt.db, req.org);
  const own = rt.keyring.signing.publicKeyPem;
  const candidates = req.publicKeyPem
    ? [{ pem: req.publicKeyPem, label: 'the key given with --public-key' }]
    : rt.keyring.trustedPublicKeys.map((pem) => ({
        pem,
        label: pem === own ? 'this installation’s key' : 'a trusted key imported by a restore',
      }));
  const lines: string[] = [];
  const external: CheckpointToCheck[] = req.checkpoints.map((c) => {
    const signer = signerOf(c.note, candidates);
    if (signer) {
      lines.push(`${c.source}: signed by key ${publicKeyId(AUDIT_KEY_NAME, signer.pem)} (${signer.label})`);
    } else {
      const ids = candidates.map((k) => publicKeyId(AUDIT_KEY_NAME, k.pem)).join(', ');
      lines.push(`${c.source}: signed by none of the ${candidates.length} trusted key(s) (${ids})`);
    }
    const pem = signer?.pem ?? candidates[0]?.pem ?? own;
    return { source: c.source, note: c.note, publicKeyPem: pem, keyName: AUDIT_KEY_NAME };
  });
  const result = await verifyOrganizationAuditLog(ctx, {
    trustedPublicKeys: rt.keyring.trustedPublicKeys,
    external,
  });
  lines.unshift(
    `tree size: ${result.treeSize}`,
    `root hash: ${result.rootHash}`,
    `checkpoints verified: ${result.checkpointsVerified}`,
  );
  for (const p of result.problems) lines.push(`PROBLEM: ${p}`);
  if (result.ok && result.checkpointsVerified === 0) {
    lines.push(
      'NOT PROVEN: no signed checkpoint exists to compare with. Every event matches its hash and none is missing ' +
        'from the sequence, but nothing shows that the log was not rewritten as a whole. Sign one with ' +
        '`tillit audit checkpoint --out <file>` and keep the file outside Tillit.',
    );
  } else if (result.ok) {
    lines.push('OK: the audit log is intact and consistent with every checkpoint.');
  }
  return { ok: result.ok, lines };
}

export interface SoaRequest {
  framework: string;
  format: string;
  service?: string | undefined;
  org?: string | undefined;
}

export async function exportSoaOperation(rt: OperationRuntime, req: SoaRequest) {
  if (!soaFormats.includes(req.format as SoaFormat)) {
    throw new OperationError(`--format must be one of ${soaFormats.join(', ')}`);
  }
  const ctx = await organizationFor(rt.db, req.org);
  const fw = await findFrameworkByKeyOrUndefined(ctx, req.framework);
  if (!fw) throw new OperationError(`No installed framework ${req.framework}; see \`tillit framework list\``);
  let serviceId: string | undefined;
  if (req.service) {
    const service = await ctx.db
      .selectFrom('services')
      .select('id')
      .where('organization_id', '=', ctx.organizationId)
      .where('name', '=', req.service)
      .executeTakeFirst();
    if (!service) throw new OperationError(`No service named ${req.service}`);
    serviceId = service.id;
  }
  try {
    return await exportSoa(ctx, fw.id, req.format as SoaFormat, serviceId);
  } catch (err) {
    if (err instanceof AppError) throw new OperationError(err.message);
    throw err;
  }
}
