import type { ReportType, TriageInput } from '../../../contracts/incidents.js';

/** What a draft is written from: the incident as recorded, with names instead of ids. */
export interface DraftSource {
  ref: string;
  title: string;
  description: string;
  category: string;
  severity: string;
  awareAt: string;
  services: string[];
  locations: string[];
  customersAffected: number | null;
  allCustomersAffected: boolean;
  triage: TriageInput;
  lessonsLearned: string;
}

/** The fields each report asks for, in order, with their labels (NIS2 Art. 23(4), GDPR Art. 33(3) and 34(2)). */
export const reportFields: Record<ReportType, readonly (readonly [string, string])[]> = {
  'nis2-early-warning': [
    ['summary', 'What happened'],
    ['suspectedMalicious', 'Suspected unlawful or malicious acts'],
    ['crossBorderImpact', 'Cross-border impact'],
  ],
  'nis2-notification': [
    ['initialAssessment', 'Initial assessment'],
    ['severity', 'Severity'],
    ['impact', 'Impact'],
    ['indicatorsOfCompromise', 'Indicators of compromise'],
    ['crossBorderImpact', 'Cross-border impact'],
    ['mitigations', 'Mitigations applied'],
  ],
  'nis2-final': [
    ['description', 'Detailed description, severity and impact'],
    ['rootCause', 'Type of threat or root cause'],
    ['mitigations', 'Applied and ongoing mitigation measures'],
    ['crossBorderImpact', 'Cross-border impact'],
  ],
  'no-nsm-notice': [
    ['summary', 'What happened'],
    ['impact', 'Impact on the service'],
  ],
  'gdpr-authority': [
    ['nature', '33(3)(a) Nature of the breach, categories and approximate numbers of people and records'],
    ['contact', '33(3)(b) Contact point (data protection officer)'],
    ['consequences', '33(3)(c) Likely consequences'],
    ['measures', '33(3)(d) Measures taken or proposed, including to mitigate adverse effects'],
    ['delayReasons', 'Reasons for any delay beyond 72 hours'],
  ],
  'gdpr-data-subjects': [
    ['nature', 'What happened, in clear and plain language'],
    ['contact', 'Contact point'],
    ['consequences', 'Likely consequences'],
    ['measures', 'Measures taken or proposed'],
  ],
};

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/** A first draft from the incident; the handler edits it before submitting. */
export function draftReport(type: ReportType, s: DraftSource): Record<string, string> {
  const where = [
    s.services.length ? `Services: ${s.services.join(', ')}` : '',
    s.locations.length ? `Locations: ${s.locations.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('. ');
  const customers = s.allCustomersAffected
    ? 'All customers affected.'
    : s.customersAffected !== null
      ? `${s.customersAffected} customers affected.`
      : 'Number of affected customers not yet known.';
  const impact = [where, customers].filter(Boolean).join('. ');
  const summary = `${s.ref} ${s.title}. ${s.description}`.trim();
  const values: Record<string, string> = {
    summary,
    suspectedMalicious: yesNo(s.triage.suspectedMalicious),
    crossBorderImpact: yesNo(s.triage.crossBorderImpact),
    initialAssessment: summary,
    severity: `${s.severity} (${s.category})`,
    impact,
    indicatorsOfCompromise: '',
    mitigations: '',
    description: `${summary} Severity ${s.severity}. ${impact}`,
    rootCause: '',
    nature: `${summary} ${customers}`,
    contact: '',
    consequences: s.triage.reasoning,
    measures: s.lessonsLearned,
    delayReasons: '',
  };
  return Object.fromEntries(reportFields[type].map(([key]) => [key, values[key] ?? '']));
}
