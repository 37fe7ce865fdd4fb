import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { type RunningS3, startS3Server } from '../../../../test/support/s3-server.js';
import { loadConfig } from '../config/config.js';
import { AppError } from '../errors/app-error.js';
import type { FileStore } from './file-store.js';
import { createFileStore } from './index.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const read = async (s: Readable) => Buffer.concat((await s.toArray()) as Buffer[]);
/** Arrives in many small chunks, like an upload. */
const chunked = (b: Buffer) =>
  Readable.from(
    Array.from({ length: Math.ceil(b.length / 1000) }, (_, i) => b.subarray(i * 1000, i * 1000 + 1000)),
  );

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

function storeContract(
  name: string,
  setup: () => Promise<{ store: FileStore; dataDir: string; stored(): string[] }>,
) {
  describe(name, () => {
    let store: FileStore;
    let dataDir: string;
    let stored: () => string[];
    const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(250_000, 0x41)]);

    before(async () => {
      ({ store, dataDir, stored } = await setup());
    });

    test('put streams the content in, records its SHA-256 and size, and reads it back', async () => {
      const put = await store.put(chunked(content));
      assert.deepEqual(put, { sha256: sha(content), size: content.length });
      assert.equal(await store.exists(put.sha256), true);
      assert.equal(stored().length, 1);
      assert.ok((await read(await store.open(put.sha256))).equals(content));
      assert.deepEqual(filesUnder(path.join(dataDir, 'files', 'tmp')), [], 'no staging file is left');
    });

    test('the same content twice is stored once', async () => {
      const before = stored().length;
      await store.put(chunked(content));
      assert.equal(stored().length, before);
    });

    test('content over the limit is refused and nothing is kept', async () => {
      const before = stored();
      const big = Buffer.alloc(20_000, 0x42);
      await assert.rejects(
        store.put(chunked(big), { maxBytes: 10_000 }),
        (e: unknown) => e instanceof AppError && e.code === 'PAYLOAD_TOO_LARGE',
      );
      assert.equal(await store.exists(sha(big)), false);
      assert.deepEqual(stored(), before);
      assert.deepEqual(filesUnder(path.join(dataDir, 'files', 'tmp')), []);
    });

    test('a staged file is invisible until committed, and discarding keeps nothing', async () => {
      const body = Buffer.from('staged but never kept');
      const staged = await store.stage(chunked(body));
      assert.equal(staged.sha256, sha(body));
      assert.ok((await read(staged.read())).equals(body));
      assert.equal(await store.exists(staged.sha256), false);
      await staged.discard();
      assert.equal(await store.exists(staged.sha256), false);
      assert.deepEqual(filesUnder(path.join(dataDir, 'files', 'tmp')), []);
    });

    test('addresses that are not hashes are refused before any path or key is built', async () => {
      for (const bad of ['../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(63)}/`, '']) {
        await assert.rejects(
          store.open(bad),
          (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED',
        );
      }
      await assert.rejects(
        store.open('0'.repeat(64)),
        (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND',
      );
      assert.equal(await store.exists('0'.repeat(64)), false);
    });
  });
}

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDataDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'tillit-files-'));
  dirs.push(d);
  return d;
};

storeContract('DiskFileStore', async () => {
  const dataDir = tempDataDir();
  const store = createFileStore(loadConfig({ TILLIT_DATA_DIR: dataDir }));
  assert.equal(store.kind, 'disk');
  const root = path.join(dataDir, 'files');
  return { store, dataDir, stored: () => filesUnder(root).filter((f) => !f.startsWith('tmp')) };
});

describe('DiskFileStore layout', () => {
  test('files live under ab/cd/<sha256>, read-only, and are never rewritten', async () => {
    const dataDir = tempDataDir();
    const store = createFileStore(loadConfig({ TILLIT_DATA_DIR: dataDir }));
    const body = Buffer.from('room temperature log');
    const { sha256 } = await store.put(Readable.from([body]));
    const file = path.join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    assert.ok(existsSync(file));
    assert.equal(statSync(file).mode & 0o777, 0o400);
    const inode = statSync(file).ino;
    await store.put(Readable.from([body]));
    assert.equal(statSync(file).ino, inode, 'the first copy stays');
  });
});

let s3: RunningS3 | undefined;
after(async () => {
  await s3?.stop();
});
storeContract('S3FileStore (s3rver)', async () => {
  s3 = await startS3Server();
  const dataDir = tempDataDir();
  const store = createFileStore(loadConfig({ TILLIT_DATA_DIR: dataDir, ...s3.env }));
  assert.equal(store.kind, 's3');
  const bucketDir = path.join(s3.directory, 'tillit-test');
  return {
    store,
    dataDir,
    stored: () => filesUnder(bucketDir).filter((f) => f.endsWith('._S3rver_object')),
  };
});

describe('file storage settings', () => {
  test('a bucket selects S3; partial settings are refused with the variable named', () => {
    const base = { TILLIT_DATA_DIR: '/tmp/x' };
    assert.equal(loadConfig(base).s3, undefined);
    assert.equal(loadConfig(base).maxUploadBytes, 50 * 1024 * 1024);
    assert.equal(loadConfig({ ...base, TILLIT_MAX_UPLOAD_MB: '5' }).maxUploadBytes, 5 * 1024 * 1024);
    assert.throws(() => loadConfig({ ...base, TILLIT_MAX_UPLOAD_MB: '0' }), /TILLIT_MAX_UPLOAD_MB/);
    assert.throws(() => loadConfig({ ...base, TILLIT_S3_ENDPOINT: 'http://s3.local' }), /TILLIT_S3_BUCKET/);
    assert.throws(
      () => loadConfig({ ...base, TILLIT_S3_BUCKET: 'b-1', TILLIT_S3_ACCESS_KEY_ID: 'AK' }),
      /TILLIT_S3_SECRET_ACCESS_KEY/,
    );
    const s3 = loadConfig({ ...base, TILLIT_S3_BUCKET: 'evidence' }).s3;
    assert.deepEqual(s3, {
      endpoint: undefined,
      bucket: 'evidence',
      region: 'us-east-1',
      credentials: undefined,
    });
  });

  test('the secret key never reaches the log', async () => {
    const { createLogger } = await import('../logging/logger.js');
    const lines: string[] = [];
    const logger = createLogger('info', { write: (l: string) => void lines.push(l) });
    const config = loadConfig({
      TILLIT_DATA_DIR: '/tmp/x',
      TILLIT_S3_BUCKET: 'evidence',
      TILLIT_S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      TILLIT_S3_SECRET_ACCESS_KEY: 'very-secret-key',
    });
    logger.info({ config }, 'config');
    logger.info({ s3: config.s3 }, 's3');
    logger.info(config.s3?.credentials ?? {}, 'keys');
    assert.equal(lines.length, 3);
    assert.doesNotMatch(lines.join(''), /very-secret-key/);
  });
});
