import type { FastifyReply } from 'fastify';
import type { FileStore } from '../../kernel/files/index.js';
import type { EvidenceFile } from './evidence.service.js';

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * ! unescaped, which the ABNF does not allow. */
const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Always an attachment: an ASCII fallback name plus the exact name in RFC 5987 form. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** Serves stored evidence so a browser never renders or runs it: download only, sniffed type, no sniffing. */
export async function sendEvidenceFile(reply: FastifyReply, store: FileStore, file: EvidenceFile) {
  const body = await store.open(file.sha256);
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.size))
    .header('content-disposition', attachmentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .header('etag', `"sha256-${file.sha256}"`)
    .send(body);
}
