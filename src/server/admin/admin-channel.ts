import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../kernel/logging/logger.js';
import {
  exportSoaOperation,
  OperationError,
  type OperationRuntime,
  type SoaRequest,
  streamBackup,
  type VerifyRequest,
  verifyAuditOperation,
} from './admin-operations.js';

/**
 * A local channel through which `tillit backup`, `tillit audit verify` and `tillit soa export` reach a server
 * that holds the embedded database's lock: a Unix domain socket (a named pipe on Windows) plus a random secret
 * in a file only the server's user can read. Nothing listens on the network.
 */
export const ADMIN_SECRET_FILE = 'admin-secret';
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

export function adminSocketPath(dataDir: string): string {
  const id = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  if (process.platform === 'win32') return `\\\\.\\pipe\\tillit-admin-${id}`;
  const inDataDir = path.join(dataDir, 'admin.sock');
  // Socket paths are limited to about 104 bytes; a deep data directory gets one in the temporary directory.
  return Buffer.byteLength(inDataDir) < 100 ? inDataDir : path.join(os.tmpdir(), `tillit-admin-${id}.sock`);
}

async function readJson<T>(req: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new OperationError('request too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
  } catch {
    throw new OperationError('request is not valid JSON');
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export interface AdminChannel {
  close(): Promise<void>;
}

/** Starts the channel; the caller must hold the data directory's lock (so an old socket file is stale). */
export async function startAdminChannel(
  dataDir: string,
  rt: OperationRuntime,
  logger: Logger,
): Promise<AdminChannel> {
  const secret = randomBytes(32);
  const socketPath = adminSocketPath(dataDir);
  const secretFile = path.join(dataDir, ADMIN_SECRET_FILE);
  const authorised = (req: IncomingMessage) => {
    const given = Buffer.from(/^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '', 'base64url');
    return given.length === secret.length && timingSafeEqual(given, secret);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || !authorised(req)) return answer(res, 401, { error: 'not authorised' });
    logger.info({ operation: req.url }, 'admin channel: operation requested');
    if (req.url === '/backup') {
      res.writeHead(200, { 'content-type': 'application/gzip' });
      await streamBackup(rt, res);
      return;
    }
    if (req.url === '/audit/verify')
      return answer(res, 200, await verifyAuditOperation(rt, await readJson<VerifyRequest>(req)));
    if (req.url === '/soa/export') {
      const file = await exportSoaOperation(rt, await readJson<SoaRequest>(req));
      res.writeHead(200, { 'content-type': file.contentType }).end(file.body);
      return;
    }
    answer(res, 404, { error: `no operation ${req.url}` });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      if (res.headersSent) {
        logger.error({ err }, 'admin channel: operation failed while streaming');
        res.destroy(err);
      } else {
        if (!(err instanceof OperationError)) logger.error({ err }, 'admin channel: operation failed');
        answer(res, err instanceof OperationError ? 400 : 500, { error: err.message });
      }
    });
  });
  if (process.platform !== 'win32') rmSync(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  if (process.platform !== 'win32') chmodSync(socketPath, 0o600);
  rmSync(secretFile, { force: true });
  writeFileSync(secretFile, `${JSON.stringify({ socketPath, secret: secret.toString('base64url') })}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        rmSync(secretFile, { force: true });
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
