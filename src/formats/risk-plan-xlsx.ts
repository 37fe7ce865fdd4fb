import { loadExcelJs } from './exceljs-module.js';
import { RISK_PLAN_TITLE, type RiskPlanDocument, riskPlanColumns, riskPlanMetadata } from './risk-plan.js';
import { XLSX_MAX_CELL_LENGTH } from './soa-xlsx.js';

const clip = (text: string) =>
  text.length > XLSX_MAX_CELL_LENGTH ? `${text.slice(0, XLSX_MAX_CELL_LENGTH - 14)}… [truncated]` : text;

/** Every cell is set from a string, so exceljs writes shared strings and never a formula (see soa-xlsx.ts). */
export async function renderRiskPlanXlsx(doc: RiskPlanDocument): Promise<Buffer> {
  const created = new Date(doc.generatedAt);
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Tillit';
  workbook.lastModifiedBy = 'Tillit';
  workbook.created = created;
  workbook.modified = created;
  workbook.title = `${RISK_PLAN_TITLE} — ${doc.organizationName}`;
  const metadata = riskPlanMetadata(doc);
  const headerRow = metadata.length + 3;
  const sheet = workbook.addWorksheet(RISK_PLAN_TITLE, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = riskPlanColumns.map((c) => ({ width: c.xlsxWidth }));
  sheet.getCell(1, 1).value = RISK_PLAN_TITLE;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  for (const [index, [label, value]] of metadata.entries()) {
    const row = sheet.getRow(index + 2);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = clip(value);
  }
  const header = sheet.getRow(headerRow);
  header.values = riskPlanColumns.map((c) => c.header);
  header.font = { bold: true };
  for (const [index, planRow] of doc.rows.entries()) {
    const row = sheet.getRow(headerRow + 1 + index);
    row.values = riskPlanColumns.map((c) => clip(planRow[c.key]));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + Math.max(doc.rows.length, 1), column: riskPlanColumns.length },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
