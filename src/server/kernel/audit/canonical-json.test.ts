import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from './canonical-json.js';

test('key order does not matter and no whitespace is emitted', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true } }),
    '{"a":{"c":true,"d":[1,"x",null]},"b":1}',
  );
  assert.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }));
});

test('keys sort by UTF-16 code units and strings are escaped', () => {
  assert.equal(canonicalJson({ é: 1, z: 2, A: 3, '\u20ac': 4 }), '{"A":3,"z":2,"é":1,"€":4}');
  assert.equal(canonicalJson('line\n"quoted"'), '"line\\n\\"quoted\\""');
});

test('dates become ISO strings and undefined properties are left out', () => {
  assert.equal(
    canonicalJson({ at: new Date('2026-01-02T03:04:05.006Z'), gone: undefined }),
    '{"at":"2026-01-02T03:04:05.006Z"}',
  );
});

test('values JSON cannot represent exactly are refused with their path', () => {
  assert.throws(() => canonicalJson({ a: { b: 1n } }), /a bigint at \$\.a\.b/);
  assert.throws(() => canonicalJson({ n: Number.NaN }), /NaN at \$\.n/);
  assert.throws(() => canonicalJson([1, undefined]), /undefined at \$\[1\]/);
  assert.throws(() => canonicalJson({ m: new Map() }), /instance of Map at \$\.m/);
});
