import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  loadSynonymList,
  normalizeForTerms,
  synonymIndex,
  synonymListSchema,
} from './questionnaire-synonyms.js';

const index = synonymIndex(loadSynonymList());

test('the shipped synonym list is valid and each term belongs to a real group', () => {
  const list = loadSynonymList();
  assert.ok(list.groups.length > 20);
  assert.throws(() => synonymListSchema.parse({ description: '', groups: [['alone']] }));
  assert.throws(() => synonymListSchema.parse({ description: '', groups: [['ok', '<script>']] }));
});

test('a term in one language brings in the others', () => {
  const sv = index.expand('Använder ni tvåfaktorsautentisering för administratörer?');
  assert.ok(sv.includes('multi-factor authentication'));
  assert.ok(sv.includes('tofaktorautentisering'));
  assert.ok(sv.includes('mfa'));
  const en = index.expand('Do you use MFA?');
  assert.ok(en.includes('tvåfaktorsautentisering'));
  assert.ok(index.expand('Är data krypterad i vila (diskkryptering)?').includes('encryption at rest'));
  assert.ok(index.expand('Hvor ligger datasenteret? Vi bruker datasenter i Oslo').includes('data centre'));
});

test('terms match whole words, a trailing * matches compounds', () => {
  assert.deepEqual(index.expand('Dramatic'), []);
  assert.ok(index.expand('Hur ofta tas säkerhetskopior?').includes('backup'));
  assert.ok(!index.expand('Do you use MFA?').includes('mfa'), 'terms already present are not repeated');
});

test('normalisation keeps letters and digits only', () => {
  assert.equal(normalizeForTerms('ISO/IEC 27001:2022 — Å?'), ' iso iec 27001 2022 å ');
});

test('a question splits into concepts: one per synonym group, one per other word', () => {
  const ignore = (w: string) => ['do', 'you', 'ni', 'hur', 'ofta', 'tas'].includes(w);
  const concepts = index.concepts('Do you use MFA for admins?', ignore);
  const mfa = concepts.find((c) => c.terms.includes('mfa'));
  assert.ok(mfa?.terms.includes('tvåfaktorsautentisering'));
  const admins = concepts.find((c) => c.terms.includes('admins'));
  assert.ok(admins?.terms.includes('administratörer'), 'admins is in the privileged-access group');
  assert.deepEqual(
    concepts.filter((c) => c !== mfa && c !== admins).map((c) => c.terms),
    [['use'], ['for']],
  );
  const sv = index.concepts('Hur ofta tas säkerhetskopior?', ignore);
  assert.ok(sv.some((c) => c.terms.includes('backup') && c.terms.includes('säkerhetskopior')));
  assert.ok(!sv.some((c) => c.terms.length === 1 && c.terms[0] === 'säkerhetskopior'));
});
