import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { SoaDocument } from '../contracts/soa.js';
import { renderSoaCsv, SOA_CSV_HEADER } from './soa-csv.js';

const doc: SoaDocument = {
  organizationName: 'Nordmoln AB',
  frameworkName: 'ISO/IEC 27001',
  frameworkVersion: '2022',
  serviceName: null,
  generatedAt: '2026-03-01T14:05:09.000Z',
  rows: [
    {
      ref: 'A.8.8',
      title: 'Management of technical vulnerabilities',
      group: '8 Technological controls',
      applicable: true,
      justification:
        'Sårbarhetsskanning körs varje vecka i STO1, STO2 och OSL1; "kritiska" åtgärdas inom 7 dagar',
      implementationStatus: 'in-progress',
      controls: [
        { ref: 'CTL-12', title: 'Vulnerability management', scope: 'Baseline', status: 'implemented' },
        { ref: 'CTL-40', title: 'Image scanning', scope: 'Kubernetes', status: 'not-started' },
      ],
    },
    {
      ref: 'A.7.5',
      title: 'Protecting against physical and environmental threats',
      group: '7 Physical controls',
      applicable: false,
      justification: '=HYPERLINK("http://evil.example","x")',
      implementationStatus: 'not-applicable',
      controls: [],
    },
    {
      ref: 'A.5.23',
      title: 'Information security for use of cloud services',
      group: '5 Organizational controls',
      applicable: null,
      justification: '',
      implementationStatus: 'undecided',
      controls: [],
    },
  ],
};

test('one row per requirement with human labels, readable by an independent parser', () => {
  const csv = renderSoaCsv(doc);
  assert.ok(csv.startsWith('\ufeffRequirement,Title,Group,'));
  const records = parse(csv, { bom: true }) as string[][];
  assert.equal(records.length, 4);
  assert.deepEqual(records[0], SOA_CSV_HEADER);
  assert.deepEqual(records[1], [
    'A.8.8',
    'Management of technical vulnerabilities',
    '8 Technological controls',
    'Yes',
    'Sårbarhetsskanning körs varje vecka i STO1, STO2 och OSL1; "kritiska" åtgärdas inom 7 dagar',
    'In progress',
    'CTL-12 Vulnerability management (Baseline, implemented); CTL-40 Image scanning (Kubernetes, not started)',
  ]);
  assert.deepEqual(records[2]?.slice(3), [
    'No',
    '\'=HYPERLINK("http://evil.example","x")',
    'Not applicable',
    '',
  ]);
  assert.deepEqual(records[3]?.slice(3), ['Undecided', '', 'Not yet decided', '']);
});

test('the BOM can be left out', () => {
  assert.ok(renderSoaCsv(doc, { bom: false }).startsWith('Requirement,'));
});
