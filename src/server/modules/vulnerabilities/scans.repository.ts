import type { VulnerabilityFormat } from '../../../contracts/vulnerabilities.js';
import type { ServiceContext } from '../../kernel/context.js';

export interface NewScan {
  format: VulnerabilityFormat;
  scanner: string;
  scannerVersion: string | null;
  fileName: string;
  sha256: string;
  scannedAt: Date;
  targetCount: number;
  findingCount: number;
  newCount: number;
  reopenedCount: number;
}

export async function insertScan(ctx: ServiceContext, scan: NewScan): Promise<string> {
  const row = await ctx.db
    .insertInto('vulnerability_scans')
    .values({
      organization_id: ctx.organizationId,
      format: scan.format,
      scanner: scan.scanner,
      scanner_version: scan.scannerVersion,
      file_name: scan.fileName,
      sha256: scan.sha256,
      scanned_at: scan.scannedAt,
      imported_by: ctx.actor.userId,
      target_count: scan.targetCount,
      finding_count: scan.findingCount,
      new_count: scan.newCount,
      reopened_count: scan.reopenedCount,
      fixed_count: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setFixedCount(ctx: ServiceContext, scanId: string, fixed: number): Promise<void> {
  await ctx.db
    .updateTable('vulnerability_scans')
    .set({ fixed_count: fixed })
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', scanId)
    .execute();
}

/** The import of this very file, if there was one, as its result. */
export async function findScanBySha256(ctx: ServiceContext, sha256: string) {
  const row = await ctx.db
    .selectFrom('vulnerability_scans')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    scanId: row.id,
    format: row.format,
    scanner: row.scanner,
    scannedAt: row.scanned_at.toISOString(),
    targets: row.target_count,
    findings: row.finding_count,
    new: row.new_count,
    reopened: row.reopened_count,
    fixed: row.fixed_count,
  };
}
