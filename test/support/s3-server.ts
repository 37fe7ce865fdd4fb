import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export interface RunningS3 {
  /** The TILLIT_S3_* settings that point Tillit at this server's bucket. */
  env: Record<string, string>;
  directory: string;
  stop(): Promise<void>;
}

/** A real S3-compatible server (s3rver) on a free local port, with one empty bucket. */
export async function startS3Server(bucket = 'tillit-test'): Promise<RunningS3> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tillit-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    env: {
      TILLIT_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      TILLIT_S3_BUCKET: bucket,
      TILLIT_S3_REGION: 'us-east-1',
      TILLIT_S3_ACCESS_KEY_ID: 'S3RVER',
      TILLIT_S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    directory,
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
