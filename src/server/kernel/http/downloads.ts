import type { FastifyReply } from 'fastify';

/** An ASCII fallback plus the RFC 5987 UTF-8 form, so names like "Tillit SoA – Norrsken.xlsx" survive. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** encodeURIComponent leaves ' ( ) * ! unescaped, which RFC 5987's attr-char does not allow. */
function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function sendDownload(
  reply: FastifyReply,
  body: Buffer | string,
  fileName: string,
  contentType: string,
): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(body);
}

/** A file name made from free text: letters, digits, dashes only. */
export function fileNamePart(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'export'
  );
}
