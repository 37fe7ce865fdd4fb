import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../kernel/http/downloads.js';

/** Sends a PDF so a browser saves it rather than renders it: attachment, no sniffing, sandboxed, never cached. */
export function sendPdf(reply: FastifyReply, fileName: string, bytes: Uint8Array): FastifyReply {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(bytes));
}
