import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LexicalIndex, parseVector, searchText } from './lexical-index.js';

test('the search text splits IPS/IDS, ISO/IEC 27001 and hyphenated compounds into their words', () => {
  assert.equal(searchText('IPS/IDS'), 'IPS IDS');
  assert.equal(searchText('ISO/IEC 27001'), 'ISO IEC 27001');
  assert.equal(
    searchText('Har ni en IT-säkerhetspolicy och SLA-avtal?'),
    'Har ni en IT säkerhetspolicy och SLA avtal?',
  );
  assert.equal(searchText('IDS/IPS/IDPS – managed'), 'IDS IPS IDPS managed');
});

test('a stored vector keeps which words are in the title (weight A) and where', () => {
  const parsed = parseVector("'ids':2A 'ip':3A 'manag':5,9 'o''brien':7");
  assert.equal(parsed.titleEnd, 3);
  assert.deepEqual(parsed.positions.get('manag'), [5, 9]);
  assert.deepEqual(parsed.positions.get("o'brien"), [7]);
  assert.equal(parsed.length, 3);
});

test('a term of several words matches only where its words follow each other, title before text', () => {
  const index = new LexicalIndex([
    { config: 'english', vector: "'centr':2A 'data':1A,5 'locat':3A" },
    { config: 'english', vector: "'centr':4 'data':1,7" },
    { config: 'swedish', vector: "'data':1A 'centr':2A" },
  ]);
  const term = { lexemes: ['data', 'centr'], offsets: [0, 1] };
  assert.deepEqual([...index.match('english', term)], [[0, 'title']]);
  assert.deepEqual([...index.match('swedish', term)], [[2, 'title']]);
  assert.deepEqual(
    [...index.match('english', { lexemes: ['data'], offsets: [0] })],
    [
      [0, 'title'],
      [1, 'text'],
    ],
  );
});
