import type { DueReport, ReportType, TriageInput } from '../../../contracts/incidents.js';
import { authoritiesOf } from './incident-authorities.js';
import { addCalendarMonth, addHours } from './incident-clock.js';

const NIS2 = 'https://w3id.org/dpv/legal/eu/nis2#';

/** Each report type: its label, the rule its deadline follows and its DPV notice type (dpv-nis2-notice.csv). */
export const reportCatalogue: Record<ReportType, { label: string; rule: string; dpvType: string | null }> = {
  'nis2-early-warning': {
    label: 'NIS2 early warning',
    rule: 'NIS2 Art. 23(4)(a): within 24 hours of becoming aware',
    dpvType: `${NIS2}EarlyWarningReport`,
  },
  'nis2-notification': {
    label: 'NIS2 incident notification',
    rule: 'NIS2 Art. 23(4)(b): within 72 hours of becoming aware',
    dpvType: `${NIS2}IncidentAssessmentReport`,
  },
  'nis2-final': {
    label: 'NIS2 final report',
    rule: 'NIS2 Art. 23(4)(d): one month after the incident notification (a progress report if still ongoing)',
    dpvType: `${NIS2}FinalReport`,
  },
  'no-nsm-notice': {
    label: 'Norwegian notice to NSM',
    rule: 'Norway (NIS1 implementation): within 24 hours of becoming aware',
    dpvType: null,
  },
  'gdpr-authority': {
    label: 'GDPR notification to the supervisory authority',
    rule: 'GDPR Art. 33(1): within 72 hours of becoming aware (reasons for any delay)',
    dpvType: null,
  },
  'gdpr-data-subjects': {
    label: 'GDPR communication to data subjects',
    rule: 'GDPR Art. 34(1): without undue delay',
    dpvType: null,
  },
};

/** Implementing Regulation (EU) 2024/2690 Art. 3, 7 and 8: any criterion met makes the incident significant. */
export function isSignificant(t: TriageInput): boolean {
  return (
    t.seriousFinancialLoss ||
    t.tradeSecretsExfiltrated ||
    t.harmToPeople ||
    t.completelyUnavailableOver30Min ||
    t.limitedForManyUsersOver1Hour ||
    t.maliciousDataCompromise ||
    t.physicalAccessCompromised
  );
}

export interface Jurisdiction {
  mainEstablishment: string;
  registeredIn: readonly string[];
  timeZone: string;
}

/**
 * The reports a triage makes due, with their deadlines in UTC. `notificationSubmittedAt` moves the final
 * report's deadline: one calendar month after the notification was actually submitted; until then it is
 * counted from the notification's own deadline.
 */
export function dueReports(
  triage: TriageInput,
  awareAt: Date,
  where: Jurisdiction,
  notificationSubmittedAt: Date | null = null,
): DueReport[] {
  const main = authoritiesOf(where.mainEstablishment);
  const due: DueReport[] = [];
  const add = (type: ReportType, authority: string, dueAt: Date | null) =>
    due.push({ type, ...reportCatalogue[type], authority, dueAt: dueAt?.toISOString() ?? null });
  if (isSignificant(triage)) {
    const notificationDue = addHours(awareAt, 72);
    add('nis2-early-warning', main.nis2, addHours(awareAt, 24));
    add('nis2-notification', main.nis2, notificationDue);
    add(
      'nis2-final',
      main.nis2,
      addCalendarMonth(notificationSubmittedAt ?? notificationDue, where.timeZone),
    );
    if (where.mainEstablishment === 'NO' || where.registeredIn.includes('NO'))
      add('no-nsm-notice', authoritiesOf('NO').nis2, addHours(awareAt, 24));
  }
  if (triage.personalDataBreach && (triage.riskToPeople === 'risk' || triage.riskToPeople === 'high'))
    add('gdpr-authority', main.dataProtection, addHours(awareAt, 72));
  if (triage.personalDataBreach && triage.riskToPeople === 'high')
    add('gdpr-data-subjects', 'The affected data subjects', null);
  return due;
}

/** What the triage must explain: a personal-data breach judged not notifiable needs the reasoning recorded. */
export function triageProblems(triage: TriageInput): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (triage.personalDataBreach && triage.riskToPeople === 'none')
    problems.push({
      path: 'riskToPeople',
      message: 'A personal-data breach needs a risk assessment: unlikely, risk or high',
    });
  if (triage.personalDataBreach && triage.riskToPeople === 'unlikely' && triage.reasoning.length < 20)
    problems.push({
      path: 'reasoning',
      message:
        'Record why the breach is unlikely to result in a risk (GDPR Art. 33(5)), in a sentence or more',
    });
  return problems;
}

/** Triage answers of an incident that meets none of the criteria: nothing is due until an answer changes. */
export const noImpactTriage: TriageInput = {
  seriousFinancialLoss: false,
  tradeSecretsExfiltrated: false,
  harmToPeople: false,
  completelyUnavailableOver30Min: false,
  limitedForManyUsersOver1Hour: false,
  maliciousDataCompromise: false,
  physicalAccessCompromised: false,
  suspectedMalicious: false,
  crossBorderImpact: false,
  personalDataBreach: false,
  riskToPeople: 'none',
  reasoning: '',
};
