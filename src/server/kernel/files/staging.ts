import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors/app-error.js';
import type { StagedFile, StageOptions, StoredFile } from './file-store.js';

export const tooLarge = (maxBytes: number) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `The file is larger than the limit of ${Math.floor(maxBytes / (1024 * 1024)) || maxBytes} ${maxBytes >= 1024 * 1024 ? 'MiB' : 'bytes'}`,
  );

/** Counts and hashes bytes on their way to disk, failing as soon as they pass the limit. */
function meter(options: StageOptions) {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (options.maxBytes !== undefined && size > options.maxBytes) return done(tooLarge(options.maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), size }) };
}

/** Large writes: fewer, bigger write calls while the bytes are hashed on their way through. */
const WRITE_CHUNK = 1024 * 1024;

/**
 * Streams `source` into a new file in `tempDir` (a random name, never one from the caller) while hashing,
 * in one pass, and fsyncs it before returning, so the bytes are on disk before any record that points at
 * them is committed. Hands it to `publish` on commit. The staged file is removed on failure, discard and
 * after commit.
 */
export async function stageToTempFile(
  source: Readable,
  tempDir: string,
  options: StageOptions,
  publish: (tempPath: string, sha256: string, size: number) => Promise<void>,
): Promise<StagedFile> {
  await mkdir(tempDir, { recursive: true, mode: 0o700 });
  const tempPath = path.join(tempDir, `${randomBytes(16).toString('hex')}.part`);
  const counter = meter(options);
  try {
    await pipeline(
      source,
      counter.stream,
      createWriteStream(tempPath, { flags: 'wx', mode: 0o600, highWaterMark: WRITE_CHUNK }),
    );
    await syncPath(tempPath);
    await chmod(tempPath, 0o400);
  } catch (err) {
    await rm(tempPath, { force: true });
    throw err;
  }
  const { sha256, size } = counter.result();
  let settled = false;
  const discard = async () => {
    settled = true;
    await rm(tempPath, { force: true });
  };
  return {
    sha256,
    size,
    read: () => createReadStream(tempPath),
    async commit() {
      if (settled) return;
      await publish(tempPath, sha256, size);
      await discard();
    },
    discard,
  };
}

/** Commits a staged file, removing the staged copy whether or not that succeeds. */
export async function commitStaged(staged: StagedFile): Promise<StoredFile> {
  try {
    await staged.commit();
  } finally {
    await staged.discard();
  }
  return { sha256: staged.sha256, size: staged.size };
}

/** fsyncs a file's data, or a directory's entries (making a link or rename into it durable). */
export async function syncPath(target: string): Promise<void> {
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
