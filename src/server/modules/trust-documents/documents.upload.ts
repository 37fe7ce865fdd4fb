import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { type DocumentFields, documentFieldsSchema } from '../../../contracts/trust-documents.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { validationFailed } from '../../kernel/errors/zod-errors.js';
import type { FileStore, StagedFile } from '../../kernel/files/index.js';
import { stageMultipartFile } from '../../kernel/files/multipart-file.js';
import { tooLarge } from '../../kernel/files/staging.js';
import { multipartFieldText } from '../../kernel/http/multipart.js';
import { safeFileName, sniffContentType } from '../evidence/index.js';

export interface UploadedPdf {
  staged: StagedFile;
  name: string;
}

export interface DocumentUpload {
  fields: DocumentFields;
  file: UploadedPdf;
}

const MAX_FIELDS = 20;

function uploadError(err: unknown, maxBytes: number): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT')
    return new AppError('VALIDATION_FAILED', 'Send exactly one file per upload');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('PAYLOAD_TOO_LARGE', 'The form has too many parts');
  if (code === 'FST_PROTO_VIOLATION')
    return new AppError('MALFORMED_REQUEST', 'A form field has a forbidden name');
  if (err instanceof Error && /multipart|form|boundary|premature/i.test(err.message)) {
    return new AppError('MALFORMED_REQUEST', `The upload is not a valid multipart form: ${err.message}`);
  }
  return err;
}

function addField(fields: Record<string, string>, part: MultipartValue): void {
  if (part.valueTruncated) throw new AppError('VALIDATION_FAILED', `The field ${part.fieldname} is too long`);
  if (part.fieldname in fields)
    throw new AppError('VALIDATION_FAILED', `The field ${part.fieldname} was sent twice`);
  fields[part.fieldname] = multipartFieldText(part);
}

async function stageFile(part: MultipartFile, store: FileStore, maxBytes: number): Promise<UploadedPdf> {
  return { staged: await stageMultipartFile(part, store, maxBytes), name: safeFileName(part.filename) };
}

async function readAll(staged: StagedFile): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of staged.read() as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A PDF by its bytes (not its name or declared type) that pdf-lib can open, so every download can be watermarked. */
export async function assertWatermarkablePdf(staged: StagedFile): Promise<void> {
  const type = await sniffContentType(staged);
  if (type !== 'application/pdf') {
    throw new AppError('VALIDATION_FAILED', `The file is not a PDF (its content is ${type})`, [
      { path: 'file', message: 'Upload a PDF' },
    ]);
  }
  const { PDFDocument } = await import('pdf-lib');
  try {
    await PDFDocument.load(await readAll(staged), { updateMetadata: false });
  } catch (err) {
    const reason = err instanceof Error && /encrypt/i.test(err.message) ? 'it is encrypted' : 'it is damaged';
    throw new AppError('VALIDATION_FAILED', `The PDF cannot be watermarked on download: ${reason}`, [
      { path: 'file', message: 'Upload an unencrypted, readable PDF' },
    ]);
  }
}

/**
 * Streams a multipart document upload (text fields, then "file") into staging while hashing it and checks
 * that it is a PDF. The caller must `discard()` the staged file when done (a no-op once committed).
 */
export async function readDocumentUpload(
  request: FastifyRequest,
  store: FileStore,
  maxBytes: number,
): Promise<DocumentUpload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload the PDF as multipart/form-data with a "file" field');
  }
  const fields: Record<string, string> = {};
  let file: UploadedPdf | undefined;
  try {
    const parts = request.parts({
      limits: {
        files: 1,
        fileSize: maxBytes + 1,
        fields: MAX_FIELDS,
        fieldSize: 8 * 1024,
        parts: MAX_FIELDS + 1,
      },
    });
    for await (const part of parts) {
      if (part.type === 'field') addField(fields, part);
      else file = await stageFile(part, store, maxBytes);
    }
    if (!file)
      throw new AppError('VALIDATION_FAILED', 'Attach a PDF', [{ path: 'file', message: 'Attach a PDF' }]);
    const parsed = documentFieldsSchema.safeParse(fields);
    if (!parsed.success) throw validationFailed(parsed.error, 'The upload form');
    if (parsed.data.kind === 'controls-list') {
      throw new AppError('VALIDATION_FAILED', 'The cloud-controls list is generated, not uploaded', [
        { path: 'kind', message: 'Choose the generated controls list instead' },
      ]);
    }
    await assertWatermarkablePdf(file.staged);
    return { fields: parsed.data, file };
  } catch (err) {
    await file?.staged.discard();
    throw uploadError(err, maxBytes);
  }
}
