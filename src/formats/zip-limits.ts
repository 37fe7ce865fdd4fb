import { createInflateRaw } from 'node:zlib';
import { ZipDirectoryError, zipEntries } from './zip-directory.js';

export interface ZipLimits {
  maxEntries: number;
  /** Bytes all entries may expand to together, counted while inflating, never taken from the directory. */
  maxTotalUncompressed: number;
}

/** A ZIP file beyond its limits or not readable; the message names the problem for the person uploading. */
export class ZipLimitError extends Error {
  override name = 'ZipLimitError';
}

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_HEADER = 30;
const STORED = 0;
const DEFLATE = 8;

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

function entryData(zip: Buffer, offset: number, compressedSize: number, name: string): Buffer {
  if (offset + LOCAL_HEADER > zip.length || zip.readUInt32LE(offset) !== LOCAL_SIGNATURE) {
    throw new ZipLimitError(`the entry ${name} points outside the file (damaged)`);
  }
  const start = offset + LOCAL_HEADER + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
  if (start + compressedSize > zip.length) {
    throw new ZipLimitError(`the entry ${name} runs past the end of the file (truncated or damaged)`);
  }
  return zip.subarray(start, start + compressedSize);
}

/** Inflates `data` chunk by chunk, discarding the output; resolves with its size, or rejects past `budget`. */
function inflatedSize(data: Buffer, budget: number, overBudget: () => ZipLimitError): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        reject(overBudget());
      }
    });
    inflate.on('error', (err) =>
      reject(new ZipLimitError(`an entry cannot be decompressed (${err.message})`)),
    );
    inflate.on('end', () => resolve(size));
    inflate.end(data);
  });
}

/**
 * Proves a ZIP file stays within `limits` by decompressing every entry as a stream and counting the
 * bytes, so a directory that understates sizes (a zip bomb) is caught after at most
 * `maxTotalUncompressed` bytes of work, with memory bounded by one chunk. Call it before handing the
 * file to a parser (exceljs, JSZip) that would inflate everything into memory.
 */
export async function assertZipWithinLimits(zip: Buffer, limits: ZipLimits): Promise<void> {
  let entries: ReturnType<typeof zipEntries>;
  try {
    entries = zipEntries(zip);
  } catch (err) {
    if (err instanceof ZipDirectoryError) throw new ZipLimitError(err.message);
    throw err;
  }
  if (entries.length > limits.maxEntries) {
    throw new ZipLimitError(
      `the archive has ${entries.length} entries; at most ${limits.maxEntries} are accepted`,
    );
  }
  const tooBig = () =>
    new ZipLimitError(`the archive expands to more than ${mib(limits.maxTotalUncompressed)} when unpacked`);
  let total = 0;
  for (const entry of entries) {
    const data = entryData(zip, entry.localHeaderOffset, entry.compressedSize, entry.name);
    if (entry.method === STORED) total += data.length;
    else if (entry.method === DEFLATE)
      total += await inflatedSize(data, limits.maxTotalUncompressed - total, tooBig);
    else
      throw new ZipLimitError(
        `the entry ${entry.name} uses an unsupported compression method (${entry.method})`,
      );
    if (total > limits.maxTotalUncompressed) throw tooBig();
  }
}
