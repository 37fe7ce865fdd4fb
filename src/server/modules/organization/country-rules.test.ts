import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { generateCountryRules, outputPath } from '../../../../scripts/generate-country-rules.js';
import { countryRules, inRegion } from './country-rules.js';

describe('the country rule', () => {
  it('is the committed output of the generator over the shared DPV files', () => {
    const committed: unknown = JSON.parse(readFileSync(outputPath, 'utf8'));
    const fresh: unknown = JSON.parse(generateCountryRules());
    assert.ok(
      isDeepStrictEqual(committed, fresh),
      'the committed data differs from the DPV files: run node --import tsx scripts/generate-country-rules.ts',
    );
  });

  it('places countries by EU/EEA membership, Nordic region and adequacy decision', () => {
    for (const c of ['SE', 'FI', 'DE', 'NO', 'IS', 'LI'])
      assert.equal(countryRules.isThirdCountry(c), false, c);
    for (const c of ['US', 'GB', 'CH', 'CN', 'KR']) assert.equal(countryRules.isThirdCountry(c), true, c);
    assert.equal(inRegion('NO', 'nordics'), true);
    assert.equal(inRegion('DE', 'nordics'), false);
    assert.equal(inRegion('DE', 'eea'), true);
    assert.match(countryRules.adequacyDecision('GB') ?? '', /United Kingdom/);
    assert.match(countryRules.adequacyDecision('US') ?? '', /Data Privacy Framework/);
    assert.equal(countryRules.adequacyDecision('CN'), undefined);
    assert.equal(countryRules.name('US'), 'United States of America');
    assert.equal(countryRules.isKnown('XX'), false);
  });
});
