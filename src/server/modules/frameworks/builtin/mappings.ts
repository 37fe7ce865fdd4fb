import type { CatalogMapping, MappingRelationship } from '../../../../contracts/catalog.js';
import { FR2000, fr2000CompositionMappings } from './fr2000.js';
import { GDPR } from './gdpr.js';
import { ISO9001 } from './iso9001-2015.js';
import { ISO14001 } from './iso14001-2015.js';
import { ISO27001 } from './iso27001-2022.js';
import { ISO45001 } from './iso45001-2018.js';
import { harmonisedRefs } from './management-system.js';
import { NIS2 } from './nis2.js';

/** Not built in: these mappings resolve once the NIST SP 800-53 Rev. 5 LOW baseline is imported from OSCAL. */
export const NIST_LOW = 'nist-800-53-rev5-low';

/** One source requirement and the requirements it relates to in the target framework. */
type Link = readonly [
  sourceRef: string,
  targetRefs: readonly string[],
  relationship?: MappingRelationship,
  note?: string,
];

function links(source: string, target: string, rows: readonly Link[]): CatalogMapping[] {
  return rows.flatMap(([sourceRef, targetRefs, relationship = 'intersects', note = '']) =>
    targetRefs.map((targetRef) => ({
      sourceFramework: source,
      sourceRef,
      targetFramework: target,
      targetRef,
      relationship,
      note,
    })),
  );
}

const nis2ToIso27001 = links(NIS2, ISO27001, [
  ['20(1)', ['5.1', '9.3']],
  ['20(2)', ['7.2', 'A.6.3']],
  ['21(1)', ['6.1.2', '6.1.3', '8.2']],
  ['21(2)(a)', ['6.1.2', 'A.5.1']],
  ['21(2)(b)', ['A.5.24', 'A.5.25', 'A.5.26', 'A.5.27', 'A.6.8']],
  ['21(2)(c)', ['A.5.29', 'A.5.30', 'A.8.13', 'A.8.14']],
  ['21(2)(d)', ['A.5.19', 'A.5.20', 'A.5.21', 'A.5.22']],
  ['21(2)(e)', ['A.8.8', 'A.8.25', 'A.8.28', 'A.8.29', 'A.8.32']],
  ['21(2)(f)', ['9.1', '9.2.1', 'A.5.35']],
  ['21(2)(g)', ['A.6.3', 'A.8.7', 'A.8.9']],
  ['21(2)(h)', ['A.8.24']],
  ['21(2)(i)', ['A.6.1', 'A.5.9', 'A.5.15', 'A.5.18']],
  ['21(2)(j)', ['A.8.5', 'A.5.14']],
  ['21(3)', ['A.5.21']],
  ['21(4)', ['10.2']],
  ['23(1)', ['A.5.5', 'A.5.26']],
  ['23(3)', ['A.5.25'], 'related', 'The significance criteria feed the event assessment.'],
  ['23(4)(a)', ['A.5.26'], 'related', 'ISO 27001 sets no reporting deadlines; the 24-hour clock is extra.'],
  ['23(4)(b)', ['A.5.26'], 'related', 'ISO 27001 sets no reporting deadlines; the 72-hour clock is extra.'],
  [
    '23(4)(d)',
    ['A.5.27'],
    'related',
    'The post-incident review supplies the root cause for the final report.',
  ],
]);

const nis2ToNist = links(NIS2, NIST_LOW, [
  ['21(2)(a)', ['RA-3']],
  ['21(2)(b)', ['IR-4', 'IR-8']],
  ['21(2)(c)', ['CP-2', 'CP-9', 'CP-10']],
  ['21(2)(d)', ['SR-3', 'SA-9']],
  ['21(2)(e)', ['RA-5', 'SI-2']],
  ['21(2)(f)', ['CA-2', 'CA-7']],
  ['21(2)(g)', ['AT-2']],
  ['21(2)(h)', ['SC-13']],
  ['21(2)(i)', ['PS-3', 'AC-2', 'CM-8']],
  ['21(2)(j)', ['IA-2(1)', 'IA-2(2)']],
  ['23(1)', ['IR-6']],
]);

const iso27001ToNist = links(ISO27001, NIST_LOW, [
  ['A.5.7', ['SI-5']],
  ['A.5.9', ['CM-8']],
  ['A.5.16', ['IA-4']],
  ['A.5.17', ['IA-5']],
  ['A.5.18', ['AC-2']],
  ['A.5.19', ['SA-9']],
  ['A.5.21', ['SR-3']],
  ['A.5.24', ['IR-8']],
  ['A.5.26', ['IR-4', 'IR-6']],
  ['A.5.30', ['CP-2', 'CP-4']],
  ['A.6.1', ['PS-3']],
  ['A.6.3', ['AT-2']],
  ['A.6.4', ['PS-8']],
  ['A.6.5', ['PS-4']],
  ['A.6.6', ['PS-6']],
  ['A.7.2', ['PE-2', 'PE-3']],
  ['A.7.5', ['PE-13', 'PE-15']],
  ['A.7.11', ['PE-14'], 'related', 'Cooling keeps the data halls within their temperature range.'],
  ['A.7.14', ['MP-6']],
  ['A.8.5', ['IA-2']],
  ['A.8.7', ['SI-3']],
  ['A.8.8', ['RA-5']],
  ['A.8.9', ['CM-2', 'CM-6']],
  ['A.8.13', ['CP-9']],
  ['A.8.15', ['AU-2', 'AU-12']],
  ['A.8.16', ['SI-4']],
  ['A.8.17', ['AU-8']],
  ['A.8.20', ['SC-7']],
  ['A.8.24', ['SC-13']],
]);

const gdprToIso27001 = links(GDPR, ISO27001, [
  ['Art. 5', ['A.5.34']],
  ['Art. 17', ['A.8.10']],
  ['Art. 25', ['A.8.25', 'A.8.27']],
  ['Art. 28', ['A.5.34', 'A.5.20', 'A.5.31']],
  [
    'Art. 28(2)',
    ['A.5.19'],
    'related',
    'Sub-processors are suppliers that need the controller’s authorisation.',
  ],
  ['Art. 28(4)', ['A.5.20']],
  ['Art. 29', ['A.5.15'], 'related', 'Access control enforces processing on instructions only.'],
  ['Art. 30', ['A.5.34']],
  ['Art. 31', ['A.5.5']],
  ['Art. 32', ['6.1.2', 'A.5.30', 'A.8.13', 'A.8.24']],
  ['Art. 33', ['A.5.24', 'A.5.26', 'A.6.8']],
  ['Art. 44', ['A.5.14'], 'related', 'Transfer rules decide where data may go.'],
]);

const gdprToNis2 = links(GDPR, NIS2, [
  ['Art. 32', ['21(1)']],
  [
    'Art. 33',
    ['23(1)'],
    'related',
    'A personal data breach may also be a significant incident: run both clocks from one record.',
  ],
]);

/** Clauses 4–10 follow the same harmonised structure, so one integrated process can serve both systems. */
const sameStructure =
  'Same harmonised-structure clause; one integrated process can serve both management systems.';
const harmonisedLinks: readonly Link[] = [
  ...harmonisedRefs.map((ref): Link => [ref, [ref], 'equivalent', sameStructure]),
  ['10.1', ['10.3'], 'equivalent', 'ISO 27001:2022 numbers continual improvement 10.1.'],
  ['10.2', ['10.2'], 'equivalent', sameStructure],
];
const iso27001ToManagementSystems = [
  ...links(ISO27001, ISO9001, [
    ...harmonisedLinks,
    ...['6.3', '9.3.1', '9.3.2', '9.3.3'].map((ref): Link => [ref, [ref], 'equivalent', sameStructure]),
  ]),
  ...links(ISO27001, ISO14001, harmonisedLinks),
  ...links(ISO27001, ISO45001, harmonisedLinks),
];

const fireSafety = [
  ...links(FR2000, ISO45001, [
    ['F 1', ['5.2'], 'related'],
    ['F 2', ['5.3'], 'related'],
    ['F 5', ['7.2', '8.2'], 'related'],
    ['F 6', ['9.1'], 'related'],
    ['F 8', ['8.2'], 'related'],
    ['F 9', ['8.1.2'], 'related'],
    ['F 11', ['10.2'], 'related'],
    ['F 12', ['9.3'], 'related'],
  ]),
  ...links(FR2000, ISO14001, [['F 10', ['6.1.3'], 'related', 'Flammable goods need permits under law.']]),
  ...links(FR2000, ISO27001, [['F 7', ['A.7.5'], 'related']]),
  ...links(FR2000, NIST_LOW, [['F 7', ['PE-13'], 'related']]),
];

export const mappings: readonly CatalogMapping[] = [
  ...nis2ToIso27001,
  ...nis2ToNist,
  ...iso27001ToNist,
  ...gdprToIso27001,
  ...gdprToNis2,
  ...iso27001ToManagementSystems,
  ...fr2000CompositionMappings,
  ...fireSafety,
];
