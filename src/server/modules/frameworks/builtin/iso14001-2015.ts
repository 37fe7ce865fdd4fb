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

export const ISO14001 = 'iso14001-2015';

const subject = { topic: 'environmental', system: 'environmental management system' };

export const iso14001Clauses: readonly Clause[] = managementSystemClauses({
  subject,
  additions: mergeAdditions(annexSl2015Additions(subject), {
    '6.1': [
      {
        ref: '6.1.2',
        title: 'Environmental aspects',
        guidance:
          'List the environmental aspects of data-centre operation (energy, cooling, refrigerants, e-waste, diesel) and rate them.',
      },
      {
        ref: '6.1.3',
        title: 'Compliance obligations',
        guidance:
          'Keep a register of environmental laws, permits and commitments that apply, with an owner each.',
      },
      {
        ref: '6.1.4',
        title: 'Planning action',
        guidance:
          'Plan actions for significant aspects, obligations and risks, and fold them into the objectives.',
      },
    ],
    '7.4': communicationSplit(subject),
    '8': [
      {
        ref: '8.2',
        title: 'Emergency preparedness and response',
        guidance:
          'Plan for environmental emergencies (diesel or refrigerant leaks, fire run-off), test the plan and review it after use.',
      },
    ],
    '9.1': complianceEvaluationSplit(subject),
  }),
});

export const iso14001: CatalogInput = {
  key: ISO14001,
  name: 'ISO 14001:2015',
  version: '2015',
  publisher: 'ISO',
  description: 'Environmental management system: clauses 4–10 with short titles and practical guidance.',
  attribution:
    'Numbering follows ISO 14001:2015. The standard is copyright ISO and its text is not included: titles and guidance are Tillit’s own words.',
  source: 'builtin',
  requirements: clauseRequirements(iso14001Clauses, { parentKey: null }),
};
