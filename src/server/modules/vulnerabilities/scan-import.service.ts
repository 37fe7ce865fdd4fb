import type { Readable } from 'node:stream';
import type { ScanImport, ScannedFinding } from '../../../contracts/vulnerabilities.js';
import { readVulnerabilityReport, VulnerabilityFormatError } from '../../../formats/vulnerability-report.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { recordScanEvidence } from './scan-evidence.js';
import {
  closeMissing,
  countChanges,
  mergeFindings,
  prepareMerge,
  upsertTargets,
} from './scan-merge.repository.js';
import {
  createStaging,
  STAGING_BATCH,
  stagedTargets,
  stagedWithoutTarget,
  stageFindings,
} from './scan-staging.repository.js';
import { findScanBySha256, insertScan, setFixedCount } from './scans.repository.js';
import { getSla } from './sla.service.js';

/** One report to import: its bytes (read again if the transaction is retried), hash and optional target. */
export interface ScanUpload {
  fileName: string;
  sha256: string;
  read(): Readable;
  /** The image, host or repository scanned, when the report does not name it (or to override its name). */
  target?: string | undefined;
  /** Where the import can be seen; given, the import is recorded as evidence for A.8.8 / NIS2 21(2)(e). */
  evidenceUrl?: string | undefined;
}

/** A report larger than this many findings is refused (the bench imports 500,000). */
export const MAX_FINDINGS = 2_000_000;

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message, [{ path: 'file', message }]);

function scanTime(reported: string | null): Date {
  const at = reported ? new Date(reported) : new Date(Number.NaN);
  const now = new Date();
  // A report from the future (clock skew) counts as scanned now, so it cannot outrank every later scan.
  return Number.isNaN(at.getTime()) || at > now ? now : at;
}

async function stageReport(tx: ServiceContext, upload: ScanUpload) {
  const report = await readVulnerabilityReport(upload.read());
  await createStaging(tx.db);
  const targetOf = (f: ScannedFinding) => f.host ?? upload.target ?? null;
  let batch: ScannedFinding[] = [];
  let count = 0;
  for await (const finding of report.findings) {
    batch.push(finding);
    count += 1;
    if (count > MAX_FINDINGS) throw invalid(`The report has more than ${MAX_FINDINGS} findings; split it`);
    if (batch.length >= STAGING_BATCH) {
      await stageFindings(tx.db, batch, targetOf);
      batch = [];
    }
  }
  await stageFindings(tx.db, batch, targetOf);
  return { format: report.format, info: report.info() };
}

/**
 * Imports a scanner report whole or not at all, in one transaction: findings are streamed into a scratch
 * table in batches, then merged by fingerprint in a few set-based statements. Known findings are refreshed,
 * new ones open with a fix-by date from the SLA, fixed ones that reappear reopen, and open findings of the
 * scanned targets that this newer scan no longer reports are closed as fixed with the scan as proof. One audit
 * event records the counts. The same file imported again changes nothing.
 */
export async function importScan(ctx: ServiceContext, upload: ScanUpload): Promise<ScanImport> {
  const earlier = await findScanBySha256(ctx, upload.sha256);
  if (earlier) return { ...earlier, duplicate: true };
  return inTransaction(ctx, async (tx) => {
    let staged: Awaited<ReturnType<typeof stageReport>>;
    try {
      staged = await stageReport(tx, upload);
    } catch (err) {
      if (err instanceof VulnerabilityFormatError) throw invalid(err.message);
      throw err;
    }
    const { format, info } = staged;
    const reportTarget = upload.target ?? info.artifact;
    if (!reportTarget && (await stagedWithoutTarget(tx.db))) {
      throw new AppError('VALIDATION_FAILED', 'The report does not name what was scanned; give a target', [
        { path: 'target', message: 'Name the image, host or repository scanned' },
      ]);
    }
    const names = await stagedTargets(tx.db, reportTarget ?? null);
    if (reportTarget && !names.includes(reportTarget)) names.push(reportTarget);
    if (names.length === 0) throw invalid('The report has no findings and names no target; give a target');
    const scannedAt = scanTime(info.scannedAt);
    const targets = await upsertTargets(tx.db, tx.organizationId, names, scannedAt);
    await prepareMerge(tx.db, tx.organizationId, reportTarget ?? null);
    const counts = await countChanges(tx.db, scannedAt);
    const scan = await insertScan(tx, {
      format,
      scanner: info.scanner,
      scannerVersion: info.scannerVersion,
      fileName: upload.fileName,
      sha256: upload.sha256,
      scannedAt,
      targetCount: targets.size,
      findingCount: counts.total,
      newCount: counts.new,
      reopenedCount: counts.reopened,
    });
    await mergeFindings(
      tx.db,
      tx.organizationId,
      { id: scan, scanner: info.scanner, scannedAt },
      await getSla(tx),
    );
    const fixed = await closeMissing(tx.db, tx.organizationId, { id: scan, scannedAt }, [
      ...targets.values(),
    ]);
    await setFixedCount(tx, scan, fixed);
    const result = {
      scanId: scan,
      duplicate: false,
      format,
      scanner: info.scanner,
      scannedAt: scannedAt.toISOString(),
      targets: targets.size,
      findings: counts.total,
      new: counts.new,
      reopened: counts.reopened,
      fixed,
    };
    await recordAuditEvent(
      tx,
      'vulnerability-scan.imported',
      { type: 'vulnerability-scan', id: scan },
      {
        format,
        scanner: info.scanner,
        fileName: upload.fileName,
        scannedAt: result.scannedAt,
        targets: result.targets,
        findings: result.findings,
        new: result.new,
        reopened: result.reopened,
        fixed,
      },
    );
    if (upload.evidenceUrl) await recordScanEvidence(tx, result, upload.fileName, upload.evidenceUrl);
    return result;
  });
}
