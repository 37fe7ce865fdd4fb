import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';

const MAX_NOTE_BYTES = 64 * 1024;
const MAX_LINE = 1024;
const SIGNATURE_PREFIX = '\u2014 ';
const ED25519_ALGORITHM = 0x01;

export interface CheckpointBody {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  timestamp?: string;
}

export interface NoteSignature {
  keyName: string;
  keyId: Buffer;
  signature: Buffer;
}

export interface ParsedCheckpoint extends CheckpointBody {
  signatures: NoteSignature[];
  body: string;
}

export class CheckpointFormatError extends Error {
  override name = 'CheckpointFormatError';
}

export function createSigningKey(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function rawPublicKey(publicKeyPem: string): Buffer {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

/** The note spec's key id: the first 4 bytes of SHA-256(name || "\n" || 0x01 || raw public key). */
function keyIdBytes(keyName: string, publicKeyPem: string): Buffer {
  return createHash('sha256')
    .update(`${keyName}\n`)
    .update(Buffer.from([ED25519_ALGORITHM]))
    .update(rawPublicKey(publicKeyPem))
    .digest()
    .subarray(0, 4);
}

export const publicKeyId = (keyName: string, publicKeyPem: string): string =>
  keyIdBytes(keyName, publicKeyPem).toString('hex');

function bodyText(c: CheckpointBody): string {
  if (!c.origin || /[\n\r]/.test(c.origin))
    throw new CheckpointFormatError('The origin must be one non-empty line');
  const ext = c.timestamp ? `Timestamp: ${c.timestamp}\n` : '';
  return `${c.origin}\n${c.treeSize}\n${c.rootHash.toString('base64')}\n${ext}`;
}

/** A checkpoint in the C2SP signed-note format, signed with Ed25519. */
export function signCheckpoint(c: CheckpointBody, key: { keyName: string; privateKeyPem: string }): string {
  const body = bodyText(c);
  const publicKeyPem = createPublicKey(createPrivateKey(key.privateKeyPem))
    .export({ type: 'spki', format: 'pem' })
    .toString();
  const signature = sign(null, Buffer.from(body, 'utf8'), key.privateKeyPem);
  const blob = Buffer.concat([keyIdBytes(key.keyName, publicKeyPem), signature]).toString('base64');
  return `${body}\n${SIGNATURE_PREFIX}${key.keyName} ${blob}\n`;
}

function parseBody(body: string): CheckpointBody {
  const lines = body.split('\n').slice(0, -1);
  const [origin, sizeLine, rootLine, ...extensions] = lines;
  if (!origin) throw new CheckpointFormatError('The checkpoint has no origin line');
  if (sizeLine === undefined || !/^(0|[1-9]\d{0,15})$/.test(sizeLine))
    throw new CheckpointFormatError('The tree size line is not a whole number');
  if (rootLine === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(rootLine))
    throw new CheckpointFormatError('The root hash line is not base64');
  const rootHash = Buffer.from(rootLine, 'base64');
  if (rootHash.length !== 32)
    throw new CheckpointFormatError(`The root hash is ${rootHash.length} bytes, not 32`);
  const treeSize = Number(sizeLine);
  if (!Number.isSafeInteger(treeSize)) throw new CheckpointFormatError('The tree size is too large');
  const timestamp = extensions.find((l) => l.startsWith('Timestamp: '))?.slice('Timestamp: '.length);
  return timestamp ? { origin, treeSize, rootHash, timestamp } : { origin, treeSize, rootHash };
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX))
    throw new CheckpointFormatError('A signature line must start with an em dash and a space');
  const [keyName, blob, ...rest] = line.slice(SIGNATURE_PREFIX.length).split(' ');
  if (!keyName || !blob || rest.length)
    throw new CheckpointFormatError('A signature line must hold a key name and a signature');
  const raw = Buffer.from(blob, 'base64');
  if (raw.length !== 4 + 64) throw new CheckpointFormatError(`A signature is ${raw.length} bytes, not 68`);
  return { keyName, keyId: raw.subarray(0, 4), signature: raw.subarray(4) };
}

export function parseCheckpoint(text: string): ParsedCheckpoint {
  if (Buffer.byteLength(text, 'utf8') > MAX_NOTE_BYTES)
    throw new CheckpointFormatError('The checkpoint is larger than 64 KiB');
  if (text.split('\n').some((l) => l.length > MAX_LINE))
    throw new CheckpointFormatError(`A line is longer than ${MAX_LINE} characters`);
  const split = text.indexOf('\n\n');
  if (split < 0) throw new CheckpointFormatError('The checkpoint has no blank line before its signatures');
  const body = text.slice(0, split + 1);
  const signatureLines = text
    .slice(split + 2)
    .split('\n')
    .filter((l) => l.length > 0);
  if (signatureLines.length === 0) throw new CheckpointFormatError('The checkpoint is not signed');
  return { ...parseBody(body), signatures: signatureLines.map(parseSignatureLine), body };
}

/** True only if a signature by this key name and key id verifies over the exact body bytes. */
export function verifyCheckpointSignature(
  text: string,
  key: { keyName: string; publicKeyPem: string },
): boolean {
  let parsed: ParsedCheckpoint;
  try {
    parsed = parseCheckpoint(text);
  } catch {
    return false;
  }
  const id = keyIdBytes(key.keyName, key.publicKeyPem);
  return parsed.signatures.some(
    (s) =>
      s.keyName === key.keyName &&
      s.keyId.equals(id) &&
      verify(null, Buffer.from(parsed.body, 'utf8'), key.publicKeyPem, s.signature),
  );
}
