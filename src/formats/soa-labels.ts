import type {
  ControlStatus,
  RequirementImplementationStatus,
  SoaControl,
  SoaDocument,
} from '../contracts/soa.js';

/** The words every Statement of Applicability export uses, so CSV, XLSX and PDF read the same. */
export const implementationStatusLabels: Readonly<Record<RequirementImplementationStatus, string>> = {
  undecided: 'Not yet decided',
  'not-applicable': 'Not applicable',
  'not-addressed': 'No control yet',
  'not-started': 'Not started',
  'in-progress': 'In progress',
  implemented: 'Implemented',
};

export const controlStatusLabels: Readonly<Record<ControlStatus, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  implemented: 'Implemented',
};

export const SOA_TITLE = 'Statement of Applicability';
export const WHOLE_ORGANISATION = 'Whole organisation';

export function applicableLabel(applicable: boolean | null): 'Yes' | 'No' | 'Undecided' {
  if (applicable === null) return 'Undecided';
  return applicable ? 'Yes' : 'No';
}

/** `CTL-12 Vulnerability management (Baseline, implemented)` */
export function controlLabel(control: SoaControl): string {
  return `${control.ref} ${control.title} (${control.scope}, ${controlStatusLabels[control.status].toLowerCase()})`;
}

export function controlsLabel(controls: readonly SoaControl[], separator = '; '): string {
  return controls.map(controlLabel).join(separator);
}

export function scopeLabel(doc: SoaDocument): string {
  return doc.serviceName ?? WHOLE_ORGANISATION;
}

export function frameworkLabel(doc: SoaDocument): string {
  return doc.frameworkVersion ? `${doc.frameworkName} ${doc.frameworkVersion}` : doc.frameworkName;
}

/** Exports carry the generation time as their own creation date so the same input renders the same file. */
export function generatedAtDate(doc: SoaDocument): Date {
  const date = new Date(doc.generatedAt);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Statement of Applicability generatedAt is not a date: ${doc.generatedAt}`);
  }
  return date;
}

/** `2026-03-01 14:05 UTC` — exports are read across time zones, so UTC is said out loud. */
export function generatedAtLabel(doc: SoaDocument): string {
  return `${generatedAtDate(doc).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The lines every format puts above the table, in this order. */
export function soaMetadata(doc: SoaDocument): [label: string, value: string][] {
  return [
    ['Organisation', doc.organizationName],
    ['Framework', frameworkLabel(doc)],
    ['Scope', scopeLabel(doc)],
    ['Generated', generatedAtLabel(doc)],
  ];
}
