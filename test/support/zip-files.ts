import { createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Raw-deflated content. */
  deflated: Buffer;
  /** What the directory and local header claim the entry expands to (a bomb lies here). */
  declaredSize: number;
}

export const zipPart = (name: string, content: string | Buffer): ZipPart => {
  const raw = Buffer.from(content);
  return { name, deflated: deflateRawSync(raw), declaredSize: raw.length };
};

const zerosCache = new Map<number, Promise<Buffer>>();

/** Raw deflate of `bytes` zero bytes, produced in chunks so the test itself stays small in memory. */
export function deflatedZeros(bytes: number): Promise<Buffer> {
  let cached = zerosCache.get(bytes);
  if (!cached) {
    cached = deflateZeros(bytes);
    zerosCache.set(bytes, cached);
  }
  return cached;
}

async function deflateZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= chunk.length) {
    if (!deflate.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) {
      await new Promise((r) => deflate.once('drain', r));
    }
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A ZIP archive written by hand (deflate, CRC left 0), with whatever sizes the parts declare. */
export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(p.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * An .xlsx-shaped zip bomb: the parts a workbook needs plus a worksheet of `expandsTo` zero bytes.
 * `lying` makes the directory claim the worksheet is 1 KiB.
 */
export async function xlsxBomb(expandsTo: number, lying: boolean): Promise<Buffer> {
  return buildZip([
    zipPart('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
    zipPart('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
    {
      name: 'xl/worksheets/sheet1.xml',
      deflated: await deflatedZeros(expandsTo),
      declaredSize: lying ? 1024 : expandsTo,
    },
  ]);
}
