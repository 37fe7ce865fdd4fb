import { statfs } from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import type { Logger } from '../logging/logger.js';

/**
 * Below this much free space on the data directory's disk, changes are refused. PGlite blocks for good
 * (the process stops answering, SIGTERM included) once PostgreSQL inside it fails a checkpoint on a
 * full disk, so Tillit must stop writing well before the disk is full; uploads are at most
 * TILLIT_MAX_UPLOAD_MB, which this margin covers by default.
 */
export const MIN_FREE_BYTES = 256 * 1024 * 1024;
const CHECK_INTERVAL_MS = 1_000;

export interface DiskSpaceGuard {
  /** Free bytes on the data directory's disk, measured at most once a second. */
  freeBytes(): Promise<number>;
  /** onRequest hook: refuses changes (not reads) with 507 while the disk is nearly full. */
  refuseWritesWhenLow(request: FastifyRequest): Promise<void>;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const mib = (bytes: number) => Math.floor(bytes / 1024 / 1024);

export function diskSpaceGuard(
  dataDir: string,
  logger: Logger,
  minFreeBytes = MIN_FREE_BYTES,
): DiskSpaceGuard {
  let measured = { at: 0, free: Number.POSITIVE_INFINITY };
  let low = false;
  const freeBytes = async () => {
    if (Date.now() - measured.at < CHECK_INTERVAL_MS) return measured.free;
    try {
      const s = await statfs(dataDir);
      measured = { at: Date.now(), free: s.bavail * s.bsize };
    } catch (err) {
      logger.warn({ err, dataDir }, 'cannot measure free space of the data directory');
      measured = { at: Date.now(), free: Number.POSITIVE_INFINITY };
    }
    const nowLow = measured.free < minFreeBytes;
    if (nowLow !== low) {
      low = nowLow;
      if (low) {
        logger.error(
          { dataDir, freeMiB: mib(measured.free), minFreeMiB: mib(minFreeBytes) },
          'the data directory disk is nearly full: changes are refused (507) until space is freed',
        );
      } else
        logger.warn({ dataDir, freeMiB: mib(measured.free) }, 'free space is back: changes accepted again');
    }
    return measured.free;
  };
  return {
    freeBytes,
    async refuseWritesWhenLow(request) {
      if (READS.has(request.method)) return;
      const free = await freeBytes();
      if (free < minFreeBytes) {
        throw new AppError(
          'INSUFFICIENT_STORAGE',
          `The server's disk is nearly full (${mib(free)} MiB free, ${mib(minFreeBytes)} MiB needed); changes are refused until an operator frees space`,
        );
      }
    },
  };
}
