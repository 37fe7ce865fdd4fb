import type ExcelJS from 'exceljs';

export type ExcelJs = typeof ExcelJS;

let loading: Promise<ExcelJs> | undefined;

/** exceljs costs half a CPU-second to load: the first workbook loads it, not every process that starts the app. */
export function loadExcelJs(): Promise<ExcelJs> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
