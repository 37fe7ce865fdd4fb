import type { SoaDocument } from '../contracts/soa.js';
import { renderCsv } from './csv.js';
import { applicableLabel, controlsLabel, implementationStatusLabels } from './soa-labels.js';

export const SOA_CSV_HEADER = [
  'Requirement',
  'Title',
  'Group',
  'Applicable',
  'Justification',
  'Implementation status',
  'Controls',
];

/**
 * One row per requirement. A BOM is written by default because the usual reader is Excel, which otherwise
 * decodes UTF-8 as the local code page and garbles å/ä/ö.
 */
export function renderSoaCsv(doc: SoaDocument, options: { bom?: boolean } = {}): string {
  return renderCsv(
    SOA_CSV_HEADER,
    doc.rows.map((row) => [
      row.ref,
      row.title,
      row.group,
      applicableLabel(row.applicable),
      row.justification,
      implementationStatusLabels[row.implementationStatus],
      controlsLabel(row.controls),
    ]),
    { bom: options.bom ?? true },
  );
}
