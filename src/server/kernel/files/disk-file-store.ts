import { access, link, mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  assertSha256,
  type FileStore,
  fileNotFound,
  type StagedFile,
  type StageOptions,
  type StoredFile,
} from './file-store.js';
import { commitStaged, stageToTempFile, syncPath } from './staging.js';

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code;

/** Files under `<root>/ab/cd/<sha256>`; every path component comes from a validated hash. */
export class DiskFileStore implements FileStore {
  readonly kind = 'disk';
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    const hash = assertSha256(sha256);
    return path.join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  stage(source: Readable, options: StageOptions = {}): Promise<StagedFile> {
    return stageToTempFile(source, path.join(this.root, 'tmp'), options, async (tempPath, sha256) => {
      const target = this.pathOf(sha256);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      try {
        // A hard link publishes the complete file atomically and, unlike rename, never replaces one
        // that is already there.
        await link(tempPath, target);
      } catch (err) {
        if (errorCode(err) !== 'EEXIST') throw err;
      }
      await syncPath(path.dirname(target));
    });
  }

  async put(source: Readable, options: StageOptions = {}): Promise<StoredFile> {
    return commitStaged(await this.stage(source, options));
  }

  async open(sha256: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(sha256), 'r');
      return handle.createReadStream();
    } catch (err) {
      if (errorCode(err) === 'ENOENT') throw fileNotFound(sha256);
      throw err;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await access(this.pathOf(sha256));
      return true;
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return false;
      throw err;
    }
  }
}
