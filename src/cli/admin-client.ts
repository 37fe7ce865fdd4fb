import { readFileSync } from 'node:fs';
import { type IncomingMessage, request } from 'node:http';
import path from 'node:path';
import { ADMIN_SECRET_FILE } from '../server/admin/admin-channel.js';
import { CliError } from './cli-output.js';

/** The running server's local admin channel (see src/server/admin/admin-channel.ts). */
export interface AdminClient {
  /** Posts `body` as JSON; resolves with the response once it succeeded (status 200). */
  post(operation: string, body: unknown): Promise<IncomingMessage>;
  json<T>(operation: string, body: unknown): Promise<T>;
}

/** The channel of the server that holds `dataDir`, if it wrote one we can read. */
export function adminClient(dataDir: string): AdminClient | undefined {
  let socketPath: string;
  let secret: string;
  try {
    ({ socketPath, secret } = JSON.parse(readFileSync(path.join(dataDir, ADMIN_SECRET_FILE), 'utf8')) as {
      socketPath: string;
      secret: string;
    });
  } catch {
    return undefined;
  }
  const post = (operation: string, body: unknown) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(
        {
          socketPath,
          path: operation,
          method: 'POST',
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        },
        (res) => {
          if (res.statusCode === 200) return resolve(res);
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => {
            text += d;
          });
          res.on('end', () => {
            let message = text;
            try {
              message = (JSON.parse(text) as { error: string }).error;
            } catch {
              // not JSON: show the text as it came
            }
            reject(new CliError(`The running server refused ${operation}: ${message}`));
          });
        },
      );
      req.on('error', (err) =>
        reject(new CliError(`Could not reach the running server's admin channel (${err.message})`)),
      );
      req.end(JSON.stringify(body));
    });
  return {
    post,
    async json<T>(operation: string, body: unknown) {
      const res = await post(operation, body);
      const chunks: Buffer[] = [];
      for await (const chunk of res) chunks.push(chunk as Buffer);
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
    },
  };
}
