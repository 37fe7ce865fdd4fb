import type { FindingListQuery } from '../../../contracts/vulnerabilities.js';
import { renderCsv } from '../../../formats/csv.js';
import { renderFindingsXlsx } from '../../../formats/vulnerability-xlsx.js';
import type { ServiceContext } from '../../kernel/context.js';
import { filteredFindings, todayUtc } from './findings.repository.js';

/** Rows in one export; a larger selection is narrowed with the list's filters. */
export const EXPORT_MAX_ROWS = 50_000;

const HEADER = [
  'Identifier',
  'Title',
  'Severity',
  'State',
  'Target',
  'Asset',
  'Service',
  'Package',
  'Installed version',
  'Fixed version',
  'KEV',
  'First seen',
  'Last seen',
  'Fix by',
  'Overdue',
];

/** The filtered findings (the auditor scope applies), soonest fix-by first, as export rows. */
async function exportRows(ctx: ServiceContext, query: FindingListQuery) {
  const rows = await filteredFindings(ctx, query, todayUtc())
    .orderBy('f.fix_by', (o) => o.asc().nullsLast())
    .orderBy('f.id')
    .limit(EXPORT_MAX_ROWS)
    .execute();
  return rows.map((r) => [
    r.primary_id,
    r.title,
    r.severity,
    r.state,
    r.target_name,
    r.asset_name,
    r.service_name,
    r.package_name,
    r.installed_version,
    r.fixed_version,
    r.kev,
    r.first_seen_at.toISOString(),
    r.last_seen_at.toISOString(),
    r.fix_by_text,
    Boolean(r.overdue),
  ]);
}

/** The filtered findings as CSV (UTF-8 with BOM for Excel); text that would start a formula is escaped. */
export async function exportFindingsCsv(ctx: ServiceContext, query: FindingListQuery): Promise<string> {
  return renderCsv(HEADER, await exportRows(ctx, query), { bom: true });
}

/** The filtered findings as XLSX; every text is a string cell, never a formula. */
export async function exportFindingsXlsx(ctx: ServiceContext, query: FindingListQuery): Promise<Buffer> {
  return renderFindingsXlsx(HEADER, await exportRows(ctx, query), new Date());
}
