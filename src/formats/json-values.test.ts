import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JsonDepthError, JsonIncompleteError, JsonSyntaxError, JsonValueReader } from './json-values.js';

function readAll(text: string, paths: string[], cut: (bytes: Buffer) => Buffer[], maxDepth = 64) {
  const found: [string, unknown][] = [];
  const reader = new JsonValueReader(new Set(paths), (p, v) => found.push([p, v]), maxDepth);
  for (const part of cut(Buffer.from(text))) reader.write(part);
  reader.end();
  return found;
}

const whole = (b: Buffer) => [b];
const splitAt = (i: number) => (b: Buffer) => [b.subarray(0, i), b.subarray(i)];
const byteByByte = (b: Buffer) => [...b].map((x) => Buffer.from([x]));

const doc = JSON.stringify({
  name: 'scan "one" \\ two',
  list: [
    { id: 'a\\"b', n: -1.5e3, nested: [[1, 2], { deep: [true, false, null] }], text: 'ü € 😀 \n' },
    { id: 'c', n: 0, nested: [], text: '' },
  ],
  other: { list: [{ id: 'not chosen' }] },
  'odd "key"': [3, 'x'],
});

describe('JsonValueReader: chosen values of a JSON stream, parsed by JSON.parse', () => {
  test('hands over the values at the chosen paths, equal to JSON.parse, wherever the chunks are cut', () => {
    const paths = ['$.name', '$.list.*', '$.odd "key".*'];
    const parsed = JSON.parse(doc);
    const expected: [string, unknown][] = [
      ['$.name', parsed.name],
      ['$.list.*', parsed.list[0]],
      ['$.list.*', parsed.list[1]],
      ['$.odd "key".*', 3],
      ['$.odd "key".*', 'x'],
    ];
    assert.deepEqual(readAll(doc, paths, whole), expected);
    assert.deepEqual(readAll(doc, paths, byteByByte), expected);
    for (let i = 1; i < Buffer.byteLength(doc); i++) {
      assert.deepEqual(readAll(doc, paths, splitAt(i)), expected, `cut at byte ${i}`);
    }
  });

  test('whitespace between tokens is accepted; nothing chosen gives nothing', () => {
    const spaced = ' {\n "a" : [ 1 , { "b" : "c" } ] ,\t"d":{} }\r\n';
    assert.deepEqual(readAll(spaced, ['$.a.*', '$.d'], whole), [
      ['$.a.*', 1],
      ['$.a.*', { b: 'c' }],
      ['$.d', {}],
    ]);
    assert.deepEqual(readAll(spaced, [], whole), []);
  });

  test('bad JSON outside and inside the chosen values is a syntax error', () => {
    const bad = [
      '{"a": x}',
      '{"a": [1,]}',
      '{"a" 1}',
      '{"a": 1,}',
      '{"a": 01}',
      '{"a": "\\q"}',
      '{"a": 1} 2',
      '{"a": [1 2]}',
      '{"a": {"b": tru}}',
      '{"a": ]',
    ];
    for (const text of bad) {
      for (const paths of [[], ['$.a'], ['$.a.*']]) {
        assert.throws(
          () => readAll(text, paths, whole),
          (err: Error) => err instanceof JsonSyntaxError || err instanceof JsonIncompleteError,
          `${text} with ${paths.join(',')}`,
        );
      }
    }
  });

  test('a document that stops early is incomplete, wherever it stops', () => {
    for (let i = 1; i < doc.length - 1; i++) {
      assert.throws(() => readAll(doc.slice(0, i), ['$.list.*'], whole), JsonIncompleteError, `cut at ${i}`);
    }
  });

  test('nesting deeper than the limit is refused, inside chosen values too', () => {
    const deep = (n: number) => `{"a":${'['.repeat(n)}${']'.repeat(n)}}`;
    assert.deepEqual(readAll(deep(9), ['$.a'], whole, 10), [['$.a', JSON.parse(deep(9)).a]]);
    assert.throws(() => readAll(deep(10), ['$.a'], whole, 10), JsonDepthError);
    assert.throws(() => readAll(deep(10), [], whole, 10), JsonDepthError);
  });
});
