import type { CatalogInput } from '../../../../contracts/catalog.js';
import {
  annexSl2015Additions,
  type Clause,
  clauseRequirements,
  communicationSplit,
  complianceEvaluationSplit,
  managementSystemClauses,
  mergeAdditions,
} from './management-system.js';

export const ISO45001 = 'iso45001-2018';

const subject = { topic: 'work-environment', system: 'work-environment management system' };

const c = (ref: string, title: string, guidance: string, children?: readonly Clause[]): Clause =>
  children ? { ref, title, guidance, children } : { ref, title, guidance };

export const iso45001Clauses: readonly Clause[] = managementSystemClauses({
  subject,
  additions: mergeAdditions(annexSl2015Additions(subject), {
    '5': [
      c(
        '5.4',
        'Worker consultation and participation',
        'Consult staff and safety representatives on work-environment matters, e.g. in the safety committee, and minute it.',
      ),
    ],
    '6.1': [
      c('6.1.2', 'Hazards, risks and opportunities', '', [
        c(
          '6.1.2.1',
          'Hazard identification',
          'Identify hazards in data halls, offices and on-call work, including workload and stress.',
        ),
        c(
          '6.1.2.2',
          'Assessing work-environment risks',
          'Rate each hazard with one method and record it in the risk register.',
        ),
        c(
          '6.1.2.3',
          'Assessing improvement opportunities',
          'Look for ways to make work healthier and safer, not only for risks.',
        ),
      ]),
      c(
        '6.1.3',
        'Legal and other requirements',
        'Keep a register of work-environment laws and rules (e.g. AFS, Arbeidsmiljøloven).',
      ),
      c(
        '6.1.4',
        'Planning action',
        'Plan actions for the assessed risks and legal requirements and follow them up.',
      ),
    ],
    '7.4': communicationSplit(subject),
    '8.1': [
      c(
        '8.1.1',
        'Operational control',
        'Set safe working routines, e.g. for heavy lifting, electrical work and lone work in data halls.',
      ),
      c(
        '8.1.2',
        'Eliminating hazards',
        'Remove hazards first, then substitute, engineer, organise and finally use protective gear.',
      ),
      c(
        '8.1.3',
        'Management of change',
        'Assess work-environment effects before changing premises, equipment or organisation.',
      ),
      c('8.1.4', 'Procurement', '', [
        c(
          '8.1.4.1',
          'Purchasing',
          'Consider work-environment effects when buying equipment, furniture and services.',
        ),
        c(
          '8.1.4.2',
          'Contractors',
          'Give contractors our safety rules, coordinate work on site and follow up incidents.',
        ),
        c('8.1.4.3', 'Outsourcing', 'Make sure outsourced functions meet our work-environment requirements.'),
      ]),
    ],
    '8': [
      c(
        '8.2',
        'Emergency preparedness and response',
        'Plan for fire, injury and evacuation; train first aiders, run drills and review after every real event.',
      ),
    ],
    '9.1': complianceEvaluationSplit(subject),
  }),
  overrides: {
    '10.2': {
      title: 'Incidents, nonconformity and corrective action',
      guidance:
        'Report injuries, near misses and nonconformities, investigate with staff involved, fix causes and follow up.',
    },
  },
});

export const iso45001: CatalogInput = {
  key: ISO45001,
  name: 'ISO 45001:2018',
  version: '2018',
  publisher: 'ISO',
  description:
    'Occupational health and safety (work environment) management system: clauses 4–10 with practical guidance.',
  attribution:
    'Numbering follows ISO 45001:2018. The standard is copyright ISO and its text is not included: titles and guidance are Tillit’s own words.',
  source: 'builtin',
  requirements: clauseRequirements(iso45001Clauses, { parentKey: null }),
};
