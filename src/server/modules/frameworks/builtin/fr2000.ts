import type { CatalogInput, CatalogMapping } from '../../../../contracts/catalog.js';
import { ISO9001, iso9001Clauses } from './iso9001-2015.js';
import { ISO14001, iso14001Clauses } from './iso14001-2015.js';
import { ISO45001, iso45001Clauses } from './iso45001-2018.js';
import { type Clause, clauseRefs, clauseRequirements, type RequirementInput } from './management-system.js';

export const FR2000 = 'fr2000';

/** The three ISO disciplines FR2000 is built from, each under its own letter. */
const isoParts: readonly { letter: string; title: string; framework: string; clauses: readonly Clause[] }[] =
  [
    { letter: 'Q', title: 'Quality', framework: ISO9001, clauses: iso9001Clauses },
    { letter: 'E', title: 'Environment', framework: ISO14001, clauses: iso14001Clauses },
    { letter: 'W', title: 'Work environment', framework: ISO45001, clauses: iso45001Clauses },
  ];

/** Systematic fire-safety work (SBA): our own breakdown into the activities a fire-safety audit looks for. */
export const fireSafety: readonly (readonly [number: string, title: string, guidance: string])[] = [
  [
    '1',
    'Fire-safety policy',
    'A short fire-safety policy signed by management: goals, responsibilities and how SBA is followed up.',
  ],
  [
    '2',
    'Organisation and responsibilities',
    'Name the fire-safety coordinator and a fire-safety controller per site (STO1, STO2, OSL1, offices); delegate in writing.',
  ],
  [
    '3',
    'Fire-protection description',
    "Keep each building's fire-protection description and drawings current in Tillit; update them after every rebuild.",
  ],
  [
    '4',
    'Agreements with property owners',
    'Agree in writing with landlords and colocation partners who is responsible for which fire-safety tasks.',
  ],
  [
    '5',
    'Training and drills',
    'Basic fire training for everyone on joining and every three years; a yearly evacuation drill per site; keep attendance.',
  ],
  [
    '6',
    'Fire-safety rounds',
    'Run documented fire-safety rounds on a fixed schedule, e.g. monthly in data halls, as recurring tasks with checklists.',
  ],
  [
    '7',
    'Fire-protection equipment',
    'Inventory extinguishers, alarms, gas suppression and emergency lighting with service intervals and service reports.',
  ],
  [
    '8',
    'Escape routes and signage',
    'Check that escape routes are clear, doors open easily and signs and emergency lighting work; log faults as tasks.',
  ],
  [
    '9',
    'Hot work',
    'Allow hot work only with a permit, a certified operator and a fire watch, and keep the permits.',
  ],
  [
    '10',
    'Flammable goods',
    'Record flammable goods such as generator diesel and gas cylinders, with the permits and storage rules that apply.',
  ],
  [
    '11',
    'Fires, alarms and near misses',
    'Report fires, false alarms and near misses, find the causes and follow up the actions.',
  ],
  [
    '12',
    'Yearly follow-up',
    'Review the fire-safety work every year, record the result and actions, and bring it to management review.',
  ],
];

function fireSafetyRequirements(): RequirementInput[] {
  return fireSafety.map(([n, title, guidance]) => ({
    key: `f-${n}`,
    ref: `F ${n}`,
    parentKey: 'f',
    kind: 'requirement',
    title,
    guidance,
  }));
}

export const fr2000: CatalogInput = {
  key: FR2000,
  name: 'FR2000',
  version: '',
  publisher: 'FR2000',
  description:
    'Integrated management system: quality (ISO 9001), environment (ISO 14001), work environment (ISO 45001) and systematic fire-safety work (SBA).',
  attribution:
    'Structure after the FR2000 integrated standard. FR2000 and ISO requirement text is not included; refs are discipline-prefixed clause numbers, and titles and guidance are Tillit’s own words.',
  source: 'builtin',
  requirements: [
    ...isoParts.flatMap(({ letter, title, clauses }): RequirementInput[] => {
      const key = letter.toLowerCase();
      return [
        { key, ref: letter, parentKey: null, kind: 'group', title },
        ...clauseRequirements(clauses, { parentKey: key, refPrefix: `${letter} `, keyPrefix: `${key}-` }),
      ];
    }),
    { key: 'f', ref: 'F', parentKey: null, kind: 'group', title: 'Fire safety (SBA)' },
    ...fireSafetyRequirements(),
  ],
};

/** FR2000 is composed of the three ISO standards: every part of Q, E and W is equivalent to its ISO clause. */
export const fr2000CompositionMappings: readonly CatalogMapping[] = isoParts.flatMap(
  ({ letter, framework, clauses }) =>
    clauseRefs(clauses).map(
      (ref): CatalogMapping => ({
        sourceFramework: FR2000,
        sourceRef: `${letter} ${ref}`,
        targetFramework: framework,
        targetRef: ref,
        relationship: 'equivalent',
        note: 'FR2000 includes this ISO clause as it stands.',
      }),
    ),
);
