import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.js';

export interface StoredFile {
  /** Lower-case hex SHA-256 of the content: the file's address in the store. */
  sha256: string;
  size: number;
}

/** Bytes received and hashed but not yet in the store, so a request that fails later leaves nothing behind. */
export interface StagedFile extends StoredFile {
  /** Reads the staged bytes back, e.g. to sniff their type before they are kept. */
  read(): Readable;
  /** Adds the bytes to the store under their hash; content already present is left untouched. */
  commit(): Promise<void>;
  /** Removes the staged bytes; does nothing after commit. */
  discard(): Promise<void>;
}

export interface StageOptions {
  /** Refuse (PAYLOAD_TOO_LARGE) and keep nothing once the content grows past this many bytes. */
  maxBytes?: number;
}

/** Content-addressed file storage: files are written once under their SHA-256 and never changed. */
export interface FileStore {
  readonly kind: 'disk' | 's3';
  stage(source: Readable, options?: StageOptions): Promise<StagedFile>;
  put(source: Readable, options?: StageOptions): Promise<StoredFile>;
  /** The content stored under `sha256`; NOT_FOUND when there is none. */
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Addresses come from hashes Tillit computed; anything else never reaches a path or an object key. */
export function assertSha256(value: string): string {
  if (!SHA256_HEX.test(value)) {
    throw new AppError('VALIDATION_FAILED', 'A file address must be 64 lower-case hexadecimal characters');
  }
  return value;
}

export const fileNotFound = (sha256: string) =>
  new AppError('NOT_FOUND', `The stored file ${sha256.slice(0, 12)}… is missing from file storage`);
