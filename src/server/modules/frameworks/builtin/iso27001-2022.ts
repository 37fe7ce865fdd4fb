import type { CatalogInput } from '../../../../contracts/catalog.js';
import { annexARequirements } from './iso27001-annex-a.js';
import { type Clause, clauseRequirements, managementSystemClauses } from './management-system.js';

export const ISO27001 = 'iso27001-2022';

const subject = { topic: 'information security', system: 'ISMS' };

export const iso27001Clauses: readonly Clause[] = managementSystemClauses({
  subject,
  additions: {
    '6': [
      {
        ref: '6.3',
        title: 'Planning of changes',
        guidance:
          'Plan changes to the ISMS (scope, processes, roles) before making them and record why and how.',
      },
    ],
    '6.1': [
      {
        ref: '6.1.2',
        title: 'Risk assessment',
        guidance:
          'Assess information security risks with one documented method (likelihood and consequence) and name a risk owner for each.',
      },
      {
        ref: '6.1.3',
        title: 'Risk treatment',
        guidance:
          'Choose treatments, compare the controls with Annex A, keep the Statement of Applicability and get owners to accept residual risk.',
      },
    ],
    '8': [
      {
        ref: '8.2',
        title: 'Risk assessment in operation',
        guidance:
          'Re-run the risk assessment at planned intervals and after significant changes; keep each result.',
      },
      {
        ref: '8.3',
        title: 'Risk treatment in operation',
        guidance: 'Carry out the risk treatment plan and keep evidence of what was done and when.',
      },
    ],
    '9.3': [
      {
        ref: '9.3.1',
        title: 'Holding the review',
        guidance:
          'Management reviews the ISMS at least yearly and whenever a major change or incident calls for it.',
      },
      {
        ref: '9.3.2',
        title: 'Review inputs',
        guidance:
          'Bring audit results, incidents, risk status, objectives, interested-party feedback and changes to the review.',
      },
      {
        ref: '9.3.3',
        title: 'Review results',
        guidance:
          'Record decisions on improvements and changes to the ISMS and follow them up as tasks in Tillit.',
      },
    ],
    '10': [
      {
        ref: '10.1',
        title: 'Continual improvement',
        guidance:
          'Show that the ISMS gets more suitable and effective over time, e.g. through objective and audit trends.',
      },
      {
        ref: '10.2',
        title: 'Nonconformity and corrective action',
        guidance:
          'Log nonconformities in Tillit, find the root cause, fix it and verify that the fix worked.',
      },
    ],
  },
  overrides: {
    '4.3': {
      guidance:
        'Document the ISMS scope: services, data centres STO1, STO2 and OSL1, offices, and the interfaces to customers and suppliers.',
    },
  },
});

export const iso27001: CatalogInput = {
  key: ISO27001,
  name: 'ISO/IEC 27001:2022',
  version: '2022',
  publisher: 'ISO/IEC',
  description:
    'Information security management system: clauses 4–10 and the 93 controls of Annex A, with short titles and practical guidance.',
  attribution:
    'Numbering follows ISO/IEC 27001:2022. The standard is copyright ISO/IEC and its text is not included: titles and guidance are Tillit’s own words. Obtain the standard from ISO or a national standards body.',
  source: 'builtin',
  requirements: [
    { key: 'clauses', ref: '4–10', parentKey: null, kind: 'group', title: 'Management system clauses' },
    ...clauseRequirements(iso27001Clauses, { parentKey: 'clauses' }),
    ...annexARequirements(),
  ],
};
