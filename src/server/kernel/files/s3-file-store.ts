import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3Config } from '../config/config.js';
import {
  assertSha256,
  type FileStore,
  fileNotFound,
  type StagedFile,
  type StageOptions,
  type StoredFile,
} from './file-store.js';
import { commitStaged, stageToTempFile } from './staging.js';

const isMissing = (err: unknown) =>
  err instanceof S3ServiceException &&
  (err.name === 'NotFound' || err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404);

export function s3Client(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: true,
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Many S3-compatible stores do not understand the SDK's default aws-chunked checksum encoding and
    // would store its framing as part of the object.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * Objects under `sha256/<hash>` in one bucket. Uploads are staged on local disk first, so the hash is known
 * before anything reaches the bucket and a failed request uploads nothing.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(
    config: S3Config,
    private readonly tempDir: string,
  ) {
    this.client = s3Client(config);
    this.bucket = config.bucket;
  }

  private keyOf(sha256: string): string {
    return `sha256/${assertSha256(sha256)}`;
  }

  stage(source: Readable, options: StageOptions = {}): Promise<StagedFile> {
    return stageToTempFile(source, this.tempDir, options, async (tempPath, sha256, size) => {
      if (await this.exists(sha256)) return;
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.keyOf(sha256),
          Body: createReadStream(tempPath),
          ContentLength: size,
          ContentType: 'application/octet-stream',
        }),
      );
    });
  }

  async put(source: Readable, options: StageOptions = {}): Promise<StoredFile> {
    return commitStaged(await this.stage(source, options));
  }

  async open(sha256: string): Promise<Readable> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
      );
      if (object.Body instanceof Readable) return object.Body;
      throw new Error(`S3 returned no readable body for ${this.keyOf(sha256)}`);
    } catch (err) {
      if (isMissing(err)) throw fileNotFound(sha256);
      throw err;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }
}
