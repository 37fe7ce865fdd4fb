import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
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

type S3Sdk = typeof import('@aws-sdk/client-s3');
let sdk: Promise<S3Sdk> | undefined;
/** The SDK costs a quarter CPU-second to load: only a process that talks to the bucket loads it. */
const loadSdk = (): Promise<S3Sdk> => {
  sdk ??= import('@aws-sdk/client-s3');
  return sdk;
};

const isMissing = ({ S3ServiceException }: S3Sdk, err: unknown) =>
  err instanceof S3ServiceException &&
  (err.name === 'NotFound' || err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404);

export function s3Client({ S3Client }: S3Sdk, config: S3Config): S3Client {
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
  private client: Promise<{ s3: S3Sdk; client: S3Client }> | undefined;
  private readonly bucket: string;

  constructor(
    private readonly config: S3Config,
    private readonly tempDir: string,
  ) {
    this.bucket = config.bucket;
  }

  private connect(): Promise<{ s3: S3Sdk; client: S3Client }> {
    this.client ??= loadSdk().then((s3) => ({ s3, client: s3Client(s3, this.config) }));
    return this.client;
  }

  private keyOf(sha256: string): string {
    return `sha256/${assertSha256(sha256)}`;
  }

  stage(source: Readable, options: StageOptions = {}): Promise<StagedFile> {
    return stageToTempFile(source, this.tempDir, options, async (tempPath, sha256, size) => {
      if (await this.exists(sha256)) return;
      const { s3, client } = await this.connect();
      await client.send(
        new s3.PutObjectCommand({
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
    const { s3, client } = await this.connect();
    try {
      const object = await client.send(
        new s3.GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
      );
      if (object.Body instanceof Readable) return object.Body;
      throw new Error(`S3 returned no readable body for ${this.keyOf(sha256)}`);
    } catch (err) {
      if (isMissing(s3, err)) throw fileNotFound(sha256);
      throw err;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    const { s3, client } = await this.connect();
    try {
      await client.send(new s3.HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (err) {
      if (isMissing(s3, err)) return false;
      throw err;
    }
  }
}
