import type { SoaDocument } from '../contracts/soa.js';
import { loadExcelJs } from './exceljs-module.js';
import {
  applicableLabel,
  controlsLabel,
  generatedAtDate,
  implementationStatusLabels,
  SOA_TITLE,
  soaMetadata,
} from './soa-labels.js';

/** Excel refuses to open a file with a longer cell ("We found a problem with some content"). */
export const XLSX_MAX_CELL_LENGTH = 32_767;
const CLIPPED = '… [truncated]';

const columns = [
  { header: 'Requirement', width: 13 },
  { header: 'Title', width: 40 },
  { header: 'Group', width: 26 },
  { header: 'Applicable', width: 12 },
  { header: 'Justification', width: 60 },
  { header: 'Implementation status', width: 20 },
  { header: 'Controls', width: 60 },
] as const;

function clip(text: string): string {
  return text.length > XLSX_MAX_CELL_LENGTH
    ? `${text.slice(0, XLSX_MAX_CELL_LENGTH - CLIPPED.length)}${CLIPPED}`
    : text;
}

/**
 * Formula safety: every cell is set from a plain JS string, which exceljs stores as a shared string (`t="s"`),
 * never as a formula (`<f>`), so spreadsheet programs show `=HYPERLINK(…)` as text and never evaluate it.
 * Values are therefore NOT prefixed with a quote as in CSV: the prefix would be shown to readers as part of
 * the justification. The remaining risk is a person editing such a cell and pressing Enter, which makes
 * Excel re-parse what they typed, as with any text they enter.
 */
export async function renderSoaXlsx(doc: SoaDocument): Promise<Buffer> {
  const created = generatedAtDate(doc);
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Tillit';
  workbook.lastModifiedBy = 'Tillit';
  workbook.created = created;
  workbook.modified = created;
  workbook.title = `${SOA_TITLE} — ${doc.frameworkName}`;

  const metadata = soaMetadata(doc);
  const headerRowNumber = metadata.length + 3;
  const sheet = workbook.addWorksheet(SOA_TITLE, {
    views: [{ state: 'frozen', ySplit: headerRowNumber, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRowNumber}:${headerRowNumber}`,
    },
  });
  sheet.columns = columns.map(({ width }) => ({ width }));

  const title = sheet.getCell(1, 1);
  title.value = SOA_TITLE;
  title.font = { bold: true, size: 14 };
  for (const [index, [label, value]] of metadata.entries()) {
    const row = sheet.getRow(index + 2);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = clip(value);
  }

  const header = sheet.getRow(headerRowNumber);
  header.values = columns.map((column) => column.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  for (let column = 1; column <= columns.length; column++) {
    header.getCell(column).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    header.getCell(column).border = { bottom: { style: 'thin' } };
  }

  for (const [index, soaRow] of doc.rows.entries()) {
    const row = sheet.getRow(headerRowNumber + 1 + index);
    row.values = [
      soaRow.ref,
      soaRow.title,
      soaRow.group,
      applicableLabel(soaRow.applicable),
      soaRow.justification,
      implementationStatusLabels[soaRow.implementationStatus],
      controlsLabel(soaRow.controls, '\n'),
    ].map(clip);
    row.alignment = { vertical: 'top', wrapText: true };
  }

  sheet.autoFilter = {
    from: { row: headerRowNumber, column: 1 },
    to: { row: headerRowNumber + Math.max(doc.rows.length, 1), column: columns.length },
  };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
