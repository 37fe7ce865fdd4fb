import path from 'node:path';
import type { Config } from '../config/config.js';
import { DiskFileStore } from './disk-file-store.js';
import type { FileStore } from './file-store.js';
import { S3FileStore } from './s3-file-store.js';

export type { FileStore, StagedFile, StoredFile } from './file-store.js';

/** S3-compatible storage when a bucket is configured, otherwise `<data dir>/files` on the local disk. */
export function createFileStore(config: Pick<Config, 'dataDir' | 's3'>): FileStore {
  const root = path.join(config.dataDir, 'files');
  return config.s3 ? new S3FileStore(config.s3, path.join(root, 'tmp')) : new DiskFileStore(root);
}
