/** One entry of a ZIP file's central directory. */
export interface ZipEntry {
  name: string;
  /** As the directory declares it: a hostile file can understate it (see zip-limits.ts). */
  uncompressedSize: number;
  compressedSize: number;
  /** 0 stored, 8 deflate. */
  method: number;
  localHeaderOffset: number;
}

export class ZipDirectoryError extends Error {
  override name = 'ZipDirectoryError';
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

function findEndOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - EOCD_MIN - MAX_COMMENT);
  for (let at = zip.length - EOCD_MIN; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new ZipDirectoryError('the ZIP directory at the end of the file is missing (truncated or damaged)');
}

/**
 * Lists a ZIP file's entries from its central directory without decompressing anything, so names and
 * declared sizes can be checked before a parser touches the content.
 */
export function zipEntries(zip: Buffer): ZipEntry[] {
  if (zip.length < EOCD_MIN) throw new ZipDirectoryError('the file is too short to be a ZIP archive');
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  let at = zip.readUInt32LE(eocd + 16);
  if (at + size > eocd) throw new ZipDirectoryError('the ZIP directory points outside the file (damaged)');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipDirectoryError('the ZIP directory is damaged');
    }
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const uncompressedSize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const localHeaderOffset = zip.readUInt32LE(at + 42);
    entries.push({ name, uncompressedSize, compressedSize, method, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
