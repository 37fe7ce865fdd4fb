import { coverageDrillDowns } from '../../../contracts/frameworks.js';

export type DrillDown = (typeof coverageDrillDowns)[number];

export const drillDownLabels: Record<DrillDown, string> = {
  undecided: 'Applicability not yet decided',
  uncovered: 'Applicable, but no control mapped',
  'not-implemented': 'Controls not all implemented',
  'evidence-stale': 'Evidence of a control is stale',
  'evidence-missing': 'A control has no evidence',
  failing: 'A check of a control is failing',
};

export const drillDownOptions = coverageDrillDowns.map((d) => ({ value: d, label: drillDownLabels[d] }));

export function isDrillDown(value: string | undefined): value is DrillDown {
  return (coverageDrillDowns as readonly string[]).includes(value ?? '');
}

/** A whole percentage for a ratio, 0 when there is nothing to measure. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
