import { fileTypeFromBuffer } from 'file-type';
import type { StagedFile } from '../../kernel/files/index.js';

/** Enough of the start of a file for file-type to recognise every format it knows, including OOXML. */
const HEAD_BYTES = 1024 * 1024;

async function head(staged: StagedFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = staged.read();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= HEAD_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES);
}

/** Valid UTF-8 throughout and free of NUL bytes: text people can read. */
async function isUtf8Text(staged: StagedFile): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of staged.read() as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) return false;
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The content type from the bytes themselves; what the uploader declared is never trusted. */
export async function sniffContentType(staged: StagedFile): Promise<string> {
  const detected = await fileTypeFromBuffer(await head(staged));
  if (detected) return detected.mime;
  return (await isUtf8Text(staged)) ? 'text/plain; charset=utf-8' : 'application/octet-stream';
}
