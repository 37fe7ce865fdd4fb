import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requirementImplementationStatuses, type SoaDocument } from '../contracts/soa.js';
import {
  applicableLabel,
  controlsLabel,
  generatedAtDate,
  implementationStatusLabels,
  soaMetadata,
} from './soa-labels.js';

const doc: SoaDocument = {
  organizationName: 'Nordmoln AB',
  frameworkName: 'ISO/IEC 27001',
  frameworkVersion: '2022',
  serviceName: null,
  generatedAt: '2026-03-01T14:05:09.000Z',
  rows: [],
};

test('every implementation status has its own human label', () => {
  assert.deepEqual(
    Object.keys(implementationStatusLabels).sort(),
    [...requirementImplementationStatuses].sort(),
  );
  assert.equal(implementationStatusLabels['not-addressed'], 'No control yet');
  assert.equal(implementationStatusLabels.undecided, 'Not yet decided');
  assert.equal(
    new Set(Object.values(implementationStatusLabels)).size,
    requirementImplementationStatuses.length,
  );
});

test('applicability and controls read as words', () => {
  assert.equal(applicableLabel(true), 'Yes');
  assert.equal(applicableLabel(false), 'No');
  assert.equal(applicableLabel(null), 'Undecided');
  assert.equal(
    controlsLabel([
      { ref: 'CTL-12', title: 'Vulnerability management', scope: 'Baseline', status: 'implemented' },
      { ref: 'CTL-40', title: 'Storage scanning', scope: 'Object Storage', status: 'in-progress' },
    ]),
    'CTL-12 Vulnerability management (Baseline, implemented); CTL-40 Storage scanning (Object Storage, in progress)',
  );
  assert.equal(controlsLabel([]), '');
});

test('metadata names the scope and the generation time in UTC', () => {
  assert.deepEqual(soaMetadata(doc), [
    ['Organisation', 'Nordmoln AB'],
    ['Framework', 'ISO/IEC 27001 2022'],
    ['Scope', 'Whole organisation'],
    ['Generated', '2026-03-01 14:05 UTC'],
  ]);
  assert.equal(
    soaMetadata({ ...doc, serviceName: 'Kubernetes', frameworkVersion: '' })[2]?.[1],
    'Kubernetes',
  );
  assert.equal(soaMetadata({ ...doc, frameworkVersion: '' })[1]?.[1], 'ISO/IEC 27001');
  assert.throws(() => generatedAtDate({ ...doc, generatedAt: 'yesterday' }), /not a date: yesterday/);
});
