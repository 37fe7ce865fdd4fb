import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { type CatalogMapping, catalogMappingSchema, mappingRelationships } from '../contracts/catalog.js';
import { renderCsv, undoFormulaSafe } from './csv.js';

export const MAPPING_CSV_COLUMNS = [
  'source_framework',
  'source_ref',
  'target_framework',
  'target_ref',
  'relationship',
  'note',
] as const;
type MappingColumn = (typeof MAPPING_CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly MappingColumn[] = MAPPING_CSV_COLUMNS.filter((column) => column !== 'note');

const FIELDS: Readonly<Record<MappingColumn, keyof CatalogMapping>> = {
  source_framework: 'sourceFramework',
  source_ref: 'sourceRef',
  target_framework: 'targetFramework',
  target_ref: 'targetRef',
  relationship: 'relationship',
  note: 'note',
};
const COLUMN_OF_FIELD = new Map(Object.entries(FIELDS).map(([column, field]) => [field, column]));

export const MAX_MAPPING_ROWS = 50_000;
const MAX_RECORD_CHARACTERS = 100_000;
/** How many problems the message lists; `problems` holds all of them. */
const PROBLEMS_IN_MESSAGE = 20;

export class MappingCsvError extends Error {
  override name = 'MappingCsvError';

  constructor(readonly problems: readonly string[]) {
    const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).join('\n');
    const more =
      problems.length > PROBLEMS_IN_MESSAGE ? `\n… and ${problems.length - PROBLEMS_IN_MESSAGE} more` : '';
    super(`The mapping file cannot be imported:\n${shown}${more}`);
  }
}

/** Control characters other than tab and line breaks do not occur in a CSV text file. */
const BINARY = /(?![\t\n\r])\p{Cc}/u;
/** What undecodable bytes become when a file in another encoding (Excel's "CSV" is Windows-1252) is read. */
const UNDECODABLE = '\ufffd';

interface SourceRecord {
  cells: string[];
  line: number;
}

/** The records that are not blank, each with the line it starts on, counting CRLF and LF as one line break. */
function readRecords(text: string): SourceRecord[] {
  const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  // Excel in Nordic locales saves "CSV" with semicolons; a header has no reason to contain either.
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const bytes = Buffer.from(text, 'utf8');
  const records: SourceRecord[] = [];
  let previousEnd = 0;
  let scanned = 0;
  let line = 1;
  try {
    parse(bytes, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      // A legitimate row is a few kilobytes; this stops one stray quote from buffering the rest of the file.
      max_record_size: MAX_RECORD_CHARACTERS,
      on_record: (record: unknown, context) => {
        // csv-parse counts a CRLF inside a quoted field as two lines, so lines are counted here from offsets.
        let start = previousEnd;
        while (bytes[start] === 0x0a || bytes[start] === 0x0d) start++;
        for (; scanned < start; scanned++) if (bytes[scanned] === 0x0a) line++;
        previousEnd = context.bytes;
        const cells = Array.isArray(record) ? record.map(String) : [];
        // Spreadsheets often save formatted but empty rows as a line of bare delimiters.
        if (cells.every((cell) => cell.trim() === '')) return null;
        records.push({ cells, line });
        if (records.length > MAX_MAPPING_ROWS + 1) {
          throw new MappingCsvError([`The file has more than ${MAX_MAPPING_ROWS} mapping rows`]);
        }
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) {
      throw new MappingCsvError([`line ${String(error.lines ?? '?')}: not valid CSV: ${error.message}`]);
    }
    throw error;
  }
  return records;
}

function headerColumns({ cells, line }: SourceRecord): MappingColumn[] {
  const names = cells.map((cell) => cell.trim().toLowerCase());
  const known = new Set<string>(MAPPING_CSV_COLUMNS);
  const problems: string[] = [];
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    problems.push(
      `line ${line}: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}; the columns are ${MAPPING_CSV_COLUMNS.join(', ')}`,
    );
  }
  const repeated = [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
  if (repeated.length > 0)
    problems.push(`line ${line}: column ${repeated.join(', ')} appears more than once`);
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    problems.push(
      `line ${line}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  }
  if (problems.length > 0) throw new MappingCsvError(problems);
  return names as MappingColumn[];
}

function issueText(issue: z.core.$ZodIssue, input: Record<string, string>): string {
  const field = String(issue.path[0] ?? '');
  const column = COLUMN_OF_FIELD.get(field as keyof CatalogMapping) ?? field;
  switch (issue.code) {
    case 'invalid_value':
      return `${column} "${input[field] ?? ''}" is not one of ${mappingRelationships.join(', ')}`;
    case 'too_small':
      return `${column} is empty`;
    case 'too_big':
      return `${column} is longer than ${String(issue.maximum)} characters`;
    default:
      return `${column}: ${issue.message}`;
  }
}

/**
 * Reads requirement mappings from CSV (`source_framework,source_ref,target_framework,target_ref,relationship`
 * and optionally `note`, in any order, any case). Every problem in the file is collected and thrown as one
 * `MappingCsvError`, so nothing is imported from a file that is partly wrong.
 */
export function parseMappingCsv(text: string): CatalogMapping[] {
  if (text.replace(/^\ufeff/, '').trim() === '') throw new MappingCsvError(['The file is empty']);
  if (BINARY.test(text)) {
    throw new MappingCsvError(['The file is not CSV text: it contains binary data']);
  }
  if (text.includes(UNDECODABLE)) {
    throw new MappingCsvError([
      'The file is not UTF-8 text: save it from the spreadsheet as "CSV UTF-8 (comma delimited)"',
    ]);
  }
  const [header, ...rows] = readRecords(text);
  if (!header) throw new MappingCsvError(['The file is empty']);
  const columns = headerColumns(header);

  const problems: string[] = [];
  const mappings: CatalogMapping[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { cells, line } of rows) {
    if (cells.length !== columns.length) {
      problems.push(`line ${line}: expected ${columns.length} fields, found ${cells.length}`);
      continue;
    }
    const input: Record<string, string> = {};
    for (const [index, column] of columns.entries()) {
      input[FIELDS[column]] = undoFormulaSafe((cells[index] ?? '').trim());
    }
    const parsed = catalogMappingSchema.safeParse({
      ...input,
      relationship: (input.relationship ?? '').toLowerCase(),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`line ${line}: ${issueText(issue, input)}`);
      continue;
    }
    const mapping = parsed.data;
    const key = JSON.stringify([
      mapping.sourceFramework,
      mapping.sourceRef,
      mapping.targetFramework,
      mapping.targetRef,
    ]);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      problems.push(
        `line ${line}: ${mapping.sourceFramework} ${mapping.sourceRef} → ${mapping.targetFramework} ${mapping.targetRef} is already mapped on line ${first}`,
      );
      continue;
    }
    firstLineOf.set(key, line);
    mappings.push(mapping);
  }
  if (rows.length === 0) problems.push('The file has a header but no mapping rows');
  if (problems.length > 0) throw new MappingCsvError(problems);
  return mappings;
}

/** Mappings as CSV that `parseMappingCsv` reads back unchanged; formula-safe and with a BOM for Excel. */
export function renderMappingCsv(mappings: readonly CatalogMapping[]): string {
  return renderCsv(
    [...MAPPING_CSV_COLUMNS],
    mappings.map((mapping) => MAPPING_CSV_COLUMNS.map((column) => mapping[FIELDS[column]])),
    { bom: true },
  );
}
