import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  CheckpointFormatError,
  createSigningKey,
  parseCheckpoint,
  publicKeyId,
  signCheckpoint,
  verifyCheckpointSignature,
} from './checkpoint.js';

const key = createSigningKey();
const other = createSigningKey();
const body = {
  origin: 'tillit/audit/test',
  treeSize: 42,
  rootHash: randomBytes(32),
  timestamp: '2026-11-22T16:00:00.000Z',
};
const note = signCheckpoint(body, { keyName: 'tillit-audit', privateKeyPem: key.privateKeyPem });
const verifies = (text: string, pem = key.publicKeyPem, keyName = 'tillit-audit') =>
  verifyCheckpointSignature(text, { keyName, publicKeyPem: pem });

describe('signed checkpoints', () => {
  test('round trip in the signed-note format', () => {
    assert.match(
      note,
      /^tillit\/audit\/test\n42\n[A-Za-z0-9+/]{43}=\nTimestamp: 2026-11-22T16:00:00.000Z\n\n\u2014 tillit-audit [A-Za-z0-9+/]+=*\n$/,
    );
    const parsed = parseCheckpoint(note);
    assert.equal(parsed.treeSize, 42);
    assert.ok(parsed.rootHash.equals(body.rootHash));
    assert.equal(parsed.signatures[0]?.keyId.toString('hex'), publicKeyId('tillit-audit', key.publicKeyPem));
    assert.ok(verifies(note));
  });

  test('any change to the body, another key or another key name fails', () => {
    assert.ok(!verifies(note.replace('\n42\n', '\n43\n')));
    assert.ok(!verifies(note.replace('tillit/audit/test', 'tillit/audit/tesu')));
    assert.ok(!verifies(note.replace('16:00:00', '16:00:01')));
    assert.ok(!verifies(note, other.publicKeyPem));
    assert.ok(!verifies(note, key.publicKeyPem, 'someone-else'));
  });

  test('malformed checkpoints are refused with a message naming the problem', () => {
    const cases: [string, RegExp][] = [
      ['tillit/audit/test\n42\n', /no blank line/],
      [note.replace(/\n\n.*$/s, '\n\n'), /not signed/],
      [note.replace('\n42\n', '\nforty-two\n'), /tree size line is not a whole number/],
      [note.replace(/\n42\n[^\n]+\n/, '\n42\n!!!\n'), /root hash line is not base64/],
      [note.replace(/\n42\n[^\n]+\n/, '\n42\nAAAA\n'), /root hash is 3 bytes/],
      [note.replace('\u2014 ', '- '), /em dash/],
      [`${'x'.repeat(2000)}\n1\nAAAA\n\n`, /longer than/],
      ['a\n'.repeat(40_000), /larger than 64 KiB/],
    ];
    for (const [text, message] of cases) {
      assert.throws(
        () => parseCheckpoint(text),
        (e: Error) => e instanceof CheckpointFormatError && message.test(e.message),
        String(message),
      );
      assert.equal(verifies(text), false);
    }
  });
});
