import { organizationalControls } from './iso27001-annex-a-organizational.js';
import { technologicalControls } from './iso27001-annex-a-technological.js';
import type { RequirementInput } from './management-system.js';

/** One Annex A control: number within its theme (`5.1`), our short title, our practical guidance. */
export type AnnexAControl = readonly [number: string, title: string, guidance: string];

export const annexAThemes = ['organizational', 'people', 'physical', 'technological'] as const;
export type AnnexATheme = (typeof annexAThemes)[number];

const peopleControls: readonly AnnexAControl[] = [
  [
    '6.1',
    'Screening',
    'Run background checks before hiring, proportionate to the role and within Swedish and Norwegian law.',
  ],
  [
    '6.2',
    'Employment terms',
    'Employment contracts state security and confidentiality duties that outlast employment.',
  ],
  [
    '6.3',
    'Awareness, education and training',
    'Give onboarding and yearly security training plus phishing exercises; track completion in Tillit.',
  ],
  [
    '6.4',
    'Disciplinary process',
    'Have a known, fair disciplinary process for security breaches, agreed with HR.',
  ],
  [
    '6.5',
    'Duties after leaving or changing role',
    'Remind leavers of lasting confidentiality duties and remove their access on the last day.',
  ],
  [
    '6.6',
    'Confidentiality agreements',
    'Use NDAs with staff, consultants and suppliers who can see confidential or customer data.',
  ],
  ['6.7', 'Remote working', 'Allow remote work only on managed, encrypted devices over secure connections.'],
  [
    '6.8',
    'Reporting security events',
    'Give staff one easy channel to report events (the Tillit incident form) and thank people for early reports.',
  ],
];

const physicalControls: readonly AnnexAControl[] = [
  [
    '7.1',
    'Physical perimeters',
    'Define secure zones in each data centre and office; walls, fences and doors match the risk.',
  ],
  [
    '7.2',
    'Physical entry',
    'Badge and PIN entry to data halls, logged and escorted visitors, access lists reviewed quarterly.',
  ],
  [
    '7.3',
    'Securing offices and facilities',
    'Keep server rooms and network closets locked and unmarked from outside.',
  ],
  [
    '7.4',
    'Physical monitoring',
    'CCTV and intrusion alarms on data-centre perimeters and halls, watched around the clock.',
  ],
  [
    '7.5',
    'Physical and environmental threats',
    'Protect sites against fire, water, power and temperature events; gas suppression in the data halls.',
  ],
  [
    '7.6',
    'Working in secure areas',
    'Data-hall rules: no unescorted visitors, no photos, a work order for every job.',
  ],
  ['7.7', 'Clear desk and screen', 'Lock screens automatically and leave no confidential papers on desks.'],
  [
    '7.8',
    'Equipment siting',
    'Place racks and equipment to limit risks from heat, water and unauthorised access.',
  ],
  [
    '7.9',
    'Assets off-premises',
    'Encrypt laptops and keep them close; register equipment taken out of a data centre.',
  ],
  ['7.10', 'Storage media', 'Track removable and replaced disks from receipt to destruction.'],
  [
    '7.11',
    'Supporting utilities',
    'Dual power feeds, UPS and generators, cooling kept within +18…+23 °C, all monitored and tested.',
  ],
  ['7.12', 'Cabling security', 'Route power and network cables in protected, labelled and separated paths.'],
  [
    '7.13',
    'Equipment maintenance',
    "Maintain equipment on the vendor's schedule and keep the service reports.",
  ],
  [
    '7.14',
    'Secure disposal or re-use',
    'Wipe or shred disks before re-use or disposal and keep the certificates of destruction.',
  ],
];

const themes: readonly {
  theme: AnnexATheme;
  number: number;
  title: string;
  controls: readonly AnnexAControl[];
}[] = [
  { theme: 'organizational', number: 5, title: 'Organizational controls', controls: organizationalControls },
  { theme: 'people', number: 6, title: 'People controls', controls: peopleControls },
  { theme: 'physical', number: 7, title: 'Physical controls', controls: physicalControls },
  { theme: 'technological', number: 8, title: 'Technological controls', controls: technologicalControls },
];

/** The four Annex A theme groups (`A.5` … `A.8`), each followed by its controls (`A.5.1` …). */
export function annexARequirements(): RequirementInput[] {
  return themes.flatMap(({ theme, number, title, controls }) => {
    const groupKey = `a.${number}`;
    const group: RequirementInput = {
      key: groupKey,
      ref: `A.${number}`,
      parentKey: null,
      kind: 'group',
      title,
      labels: { theme },
    };
    return [
      group,
      ...controls.map(
        ([id, controlTitle, guidance]): RequirementInput => ({
          key: `a.${id}`,
          ref: `A.${id}`,
          parentKey: groupKey,
          kind: 'requirement',
          title: controlTitle,
          guidance,
          labels: { theme },
        }),
      ),
    ];
  });
}
