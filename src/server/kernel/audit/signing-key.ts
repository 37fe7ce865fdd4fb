import { createPrivateKey, createPublicKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSigningKey, publicKeyId } from './checkpoint.js';

export const AUDIT_KEY_NAME = 'tillit-audit';

export interface AuditSigningKey {
  keyName: string;
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

function fromPrivatePem(privateKeyPem: string, file: string): AuditSigningKey {
  let publicKeyPem: string;
  try {
    const key = createPrivateKey(privateKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`key type is ${key.asymmetricKeyType}`);
    publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  } catch (err) {
    throw new SigningKeyError(
      `${file} is not an Ed25519 private key in PEM form (${(err as Error).message})`,
    );
  }
  return {
    keyName: AUDIT_KEY_NAME,
    keyId: publicKeyId(AUDIT_KEY_NAME, publicKeyPem),
    privateKeyPem,
    publicKeyPem,
  };
}

/** Loads the installation's checkpoint signing key, creating it (mode 0600) on first use unless told not to. */
export function loadOrCreateSigningKey(file: string, options: { create?: boolean } = {}): AuditSigningKey {
  if (existsSync(file)) return fromPrivatePem(readFileSync(file, 'utf8'), file);
  if (options.create === false) {
    throw new SigningKeyError(
      `No audit signing key at ${file}: is TILLIT_DATA_DIR (or TILLIT_AUDIT_KEY_FILE) the installation's? No new key was created.`,
    );
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const { privateKeyPem } = createSigningKey();
  writeFileSync(file, privateKeyPem, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return fromPrivatePem(privateKeyPem, file);
}

export function loadPublicKey(file: string): string {
  const text = readFileSync(file, 'utf8');
  try {
    const key = text.includes('PRIVATE KEY')
      ? createPublicKey(createPrivateKey(text))
      : createPublicKey(text);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`key type is ${key.asymmetricKeyType}`);
    return key.export({ type: 'spki', format: 'pem' }).toString();
  } catch (err) {
    throw new SigningKeyError(`${file} is not an Ed25519 key in PEM form (${(err as Error).message})`);
  }
}

export interface AuditKeyring {
  signing: AuditSigningKey;
  /** Public keys whose checkpoints verify: the signing key and keys of installations restored from. */
  trustedPublicKeys: string[];
  trustedKeysDir: string;
}

export function trustedKeysDirFor(signingKeyFile: string): string {
  return path.join(path.dirname(signingKeyFile), 'trusted-audit-keys');
}

export function loadKeyring(signingKeyFile: string, options: { create?: boolean } = {}): AuditKeyring {
  const signing = loadOrCreateSigningKey(signingKeyFile, options);
  const dir = trustedKeysDirFor(signingKeyFile);
  const imported = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.pem'))
        .sort()
        .map((f) => loadPublicKey(path.join(dir, f)))
    : [];
  return { signing, trustedPublicKeys: [signing.publicKeyPem, ...imported], trustedKeysDir: dir };
}

/** Trusts another installation's public key, e.g. the one that signed checkpoints in a restored backup. */
export function trustPublicKey(keyring: AuditKeyring, publicKeyPem: string): void {
  const id = publicKeyId(AUDIT_KEY_NAME, publicKeyPem);
  mkdirSync(keyring.trustedKeysDir, { recursive: true });
  writeFileSync(path.join(keyring.trustedKeysDir, `${id}.pem`), publicKeyPem, { mode: 0o644 });
  if (!keyring.trustedPublicKeys.includes(publicKeyPem)) keyring.trustedPublicKeys.push(publicKeyPem);
}
