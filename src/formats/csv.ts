export type CsvCell = string | number | boolean | null;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads å/ä/ö correctly. Default false. */
  bom?: boolean;
  /** `;` suits Excel in locales whose decimal separator is a comma (sv-SE, nb-NO, fi-FI). Default `,`. */
  delimiter?: ',' | ';';
}

/**
 * Leading quotes are included so the escape can be undone exactly: a value that genuinely starts with
 * `'=` gets a second quote, and `undoFormulaSafe` removes exactly one.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA_START = /^'+[=+\-@\t\r]/;

/**
 * Prefixes a single quote to text a spreadsheet would read as a formula (OWASP CSV injection guidance:
 * `=`, `+`, `-`, `@`, tab, carriage return at the start).
 */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of `formulaSafe`, for importers reading back a file we exported. */
export function undoFormulaSafe(text: string): string {
  return ESCAPED_FORMULA_START.test(text) ? text.slice(1) : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`CSV cell is not a finite number: ${cell}`);
    // A number cannot carry a formula; prefixing -5 would turn it into text in the spreadsheet.
    return String(cell);
  }
  return formulaSafe(cell);
}

function quote(text: string, delimiter: string): string {
  return text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r')
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/** RFC 4180 CSV: CRLF after every record, fields quoted when needed, every text cell formula-safe. */
export function renderCsv(header: string[], rows: CsvCell[][], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const line = (cells: CsvCell[]): string =>
    `${cells.map((cell) => quote(cellText(cell), delimiter)).join(delimiter)}\r\n`;
  const parts = [options.bom ? '\ufeff' : '', line(header)];
  for (const [index, row] of rows.entries()) {
    if (row.length !== header.length) {
      throw new RangeError(`CSV row ${index + 1} has ${row.length} cells, the header has ${header.length}`);
    }
    parts.push(line(row));
  }
  return parts.join('');
}
