/** The risk treatment plan as a renderer receives it: plain text, already resolved. */
export interface RiskPlanRow {
  ref: string;
  title: string;
  owner: string;
  inherent: string;
  residual: string;
  treatment: string;
  /** Controls for mitigation, approver and expiry for acceptance, the party for a transfer. */
  details: string;
  status: string;
  reviewDate: string;
}

export interface RiskPlanDocument {
  organizationName: string;
  /** ISO 8601; the document's date, so the same plan renders to the same bytes. */
  generatedAt: string;
  matrix: string;
  rows: RiskPlanRow[];
}

export const RISK_PLAN_TITLE = 'Risk treatment plan';

export const riskPlanColumns: {
  header: string;
  key: keyof RiskPlanRow;
  xlsxWidth: number;
  pdfWidth: number;
}[] = [
  { header: 'Ref', key: 'ref', xlsxWidth: 10, pdfWidth: 48 },
  { header: 'Risk', key: 'title', xlsxWidth: 40, pdfWidth: 150 },
  { header: 'Owner', key: 'owner', xlsxWidth: 20, pdfWidth: 80 },
  { header: 'Inherent', key: 'inherent', xlsxWidth: 16, pdfWidth: 62 },
  { header: 'Residual', key: 'residual', xlsxWidth: 16, pdfWidth: 62 },
  { header: 'Treatment', key: 'treatment', xlsxWidth: 12, pdfWidth: 56 },
  { header: 'Treatment details', key: 'details', xlsxWidth: 60, pdfWidth: 182 },
  { header: 'Status', key: 'status', xlsxWidth: 10, pdfWidth: 50 },
  { header: 'Review date', key: 'reviewDate', xlsxWidth: 12, pdfWidth: 79.89 },
];

export function riskPlanMetadata(doc: RiskPlanDocument): [string, string][] {
  return [
    ['Organisation', doc.organizationName],
    ['Risk matrix', doc.matrix],
    ['Generated', `${doc.generatedAt.slice(0, 10)} ${doc.generatedAt.slice(11, 16)} UTC`],
  ];
}
