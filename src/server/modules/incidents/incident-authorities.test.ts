import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sharedData } from '../../../../test/support/paths.js';
import { authoritiesOf } from './incident-authorities.js';

test('the Danish, Finnish and Icelandic authorities carry the DPV labels and name their CSIRTs', () => {
  const csv = readFileSync(sharedData('dpv-legal.csv'), 'utf8');
  for (const country of ['DK', 'FI', 'IS']) {
    const a = authoritiesOf(country);
    const row = csv.split('\n').find((line) => line.startsWith(`"${a.dpvTerm}",`));
    assert.ok(row, `${a.dpvTerm} is a term of dpv-legal.csv`);
    const label = row.split('","')[3] ?? '';
    assert.ok(a.dataProtection.includes(label), `${country}: "${a.dataProtection}" carries "${label}"`);
    assert.doesNotMatch(a.nis2, /^CSIRT of|set it on the report/, `${country} names its CSIRT`);
  }
  assert.match(authoritiesOf('DK').nis2, /CFCS/);
  assert.match(authoritiesOf('FI').nis2, /NCSC-FI/);
  assert.match(authoritiesOf('IS').nis2, /CERT-IS/);
});
