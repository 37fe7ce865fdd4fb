/**
 * Generates the country rule's data (src/server/modules/organization/country-rules.generated.json) from the
 * W3C Data Privacy Vocabulary (https://w3id.org/dpv, W3C licence) files kept in ../shared/data:
 * - dpv-loc-locations.csv: every country (ISO 3166-1 alpha-2 code and English name);
 * - dpv-loc-memberships.csv: the EU and EEA concepts; DPV names their current sizes ("EU 27 Member States",
 *   "EEA 30 Member States") but not their members, so the members are listed here and checked against the
 *   sizes and the country list;
 * - dpv-eu-adequacy.csv: the EU adequacy decisions. DPV 2.2 lacks two, added as data below: South Korea
 *   (Commission decision of 17 December 2021) and the United States under the EU–US Data Privacy Framework
 *   (10 July 2023, for certified organisations only).
 * The source lives outside the repository, so the output is committed and a test compares it with a fresh
 * generation.
 *
 *   node --import tsx scripts/generate-country-rules.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { packageRoot } from '../src/server/kernel/config/package-root.js';

export const sourceDirectory = path.join(packageRoot, '../shared/data');
export const outputPath = path.join(
  packageRoot,
  'src/server/modules/organization/country-rules.generated.json',
);

/** The 27 member states since 1 February 2020 (DPV's EU27). */
const EU_MEMBERS = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(
  ' ',
);
/** EEA = the EU plus Iceland, Liechtenstein and Norway (DPV's EEA30). */
const EEA_ONLY = ['IS', 'LI', 'NO'];
/** The Nordic countries (members of the Nordic Council). */
const NORDIC = ['DK', 'FI', 'IS', 'NO', 'SE'];
const ADDED_ADEQUACY = [
  { country: 'KR', decision: 'Republic of Korea' },
  {
    country: 'US',
    decision: 'United States (organisations certified under the EU–US Data Privacy Framework)',
  },
];

type Row = Record<string, string>;
const read = (dir: string, name: string): Row[] =>
  parse(readFileSync(path.join(dir, name), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];

function memberCount(memberships: Row[], term: string): number {
  const row = memberships.find((r) => r.term === term);
  const size = /(\d+) Member States/.exec(row?.label ?? '')?.[1];
  if (!size) throw new Error(`dpv-loc-memberships.csv has no ${term} with its number of member states`);
  return Number(size);
}

export function generateCountryRules(dir: string = sourceDirectory): string {
  const countries = Object.fromEntries(
    read(dir, 'dpv-loc-locations.csv')
      .filter((r) => r.dpvtype === 'https://w3id.org/dpv#Country')
      .map((r): [string, string] => [r.term ?? '', r.label ?? ''])
      .sort((x, y) => (x[0] < y[0] ? -1 : 1)),
  );
  const memberships = read(dir, 'dpv-loc-memberships.csv');
  const eea = [...EU_MEMBERS, ...EEA_ONLY].sort();
  if (EU_MEMBERS.length !== memberCount(memberships, 'EU27'))
    throw new Error('EU member count differs from DPV');
  if (eea.length !== memberCount(memberships, 'EEA30')) throw new Error('EEA member count differs from DPV');
  const adequacy = [
    ...read(dir, 'dpv-eu-adequacy.csv')
      .filter((r) => r.term?.startsWith('Adequacy-EU-'))
      .map((r) => ({
        country: (r.term ?? '').slice('Adequacy-EU-'.length),
        decision: (r.label ?? '').replace('EU Adequacy Decision for ', ''),
      })),
    ...ADDED_ADEQUACY,
  ].sort((a, b) => (a.country < b.country ? -1 : 1));
  for (const code of [...eea, ...NORDIC, ...adequacy.map((a) => a.country)]) {
    if (!countries[code]) throw new Error(`${code} is not a country in dpv-loc-locations.csv`);
  }
  const data = { eu: [...EU_MEMBERS].sort(), eea, nordic: NORDIC, adequacy, countries };
  return `${JSON.stringify(data, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(outputPath, generateCountryRules());
}
