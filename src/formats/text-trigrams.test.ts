import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trigramSimilarity, trigrams } from './text-trigrams.js';

test('trigrams pad each word like pg_trgm: two spaces before, one after', () => {
  // SELECT show_trgm('cat') → {"  c"," ca","at ",cat}
  assert.deepEqual([...trigrams('cat')].sort(), ['  c', ' ca', 'at ', 'cat']);
  // Case and punctuation do not matter; duplicates count once.
  assert.deepEqual([...trigrams('Cat, CAT!')].sort(), ['  c', ' ca', 'at ', 'cat']);
  assert.deepEqual([...trigrams('a')].sort(), ['  a', ' a ']);
  assert.equal(trigrams('  ,;  ').size, 0);
});

test('similarity matches the values pg_trgm gives', () => {
  // SELECT similarity('word', 'two words') → 0.36363637 (4 shared of 11)
  assert.equal(trigramSimilarity('word', 'two words').toFixed(6), (4 / 11).toFixed(6));
  assert.equal(trigramSimilarity('Where is my data stored?', 'where is my data stored'), 1);
  assert.equal(trigramSimilarity('', 'anything'), 0);
  assert.equal(trigramSimilarity('abc', 'xyz'), 0);
});

test('letters outside ASCII form words, so Nordic questions compare as such', () => {
  assert.ok(trigrams('lösenord').has('öse'));
  const near = trigramSimilarity('Var lagras våra data?', 'Var lagras vår data');
  const far = trigramSimilarity('Var lagras våra data?', 'Hur ofta tas säkerhetskopior?');
  assert.ok(near > 0.6 && far < 0.2, `${near} ${far}`);
});
