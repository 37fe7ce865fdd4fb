import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { type EvidenceFileFields, evidenceFileFieldsSchema } from '../../../contracts/evidence.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { validationFailed } from '../../kernel/errors/zod-errors.js';
import type { FileStore, StagedFile } from '../../kernel/files/index.js';
import { stageMultipartFile } from '../../kernel/files/multipart-file.js';
import { tooLarge } from '../../kernel/files/staging.js';
import { multipartFieldText } from '../../kernel/http/multipart.js';
import type { UploadedFile } from './evidence.service.js';
import { sniffContentType } from './evidence.sniff.js';

const MAX_FIELDS = 250;
const LIST_FIELDS = new Set(['controlIds', 'controlRefs']);

const multipartCodes: Record<string, [AppError['code'], string]> = {
  FST_FILES_LIMIT: ['VALIDATION_FAILED', 'Send exactly one file per upload'],
  FST_PARTS_LIMIT: ['PAYLOAD_TOO_LARGE', 'The form has too many parts'],
  FST_FIELDS_LIMIT: ['PAYLOAD_TOO_LARGE', `The form has more than ${MAX_FIELDS} fields`],
  FST_PROTO_VIOLATION: ['MALFORMED_REQUEST', 'A form field has a forbidden name'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'Upload a file as multipart/form-data'],
  FST_MP_PREMATURE_CLOSE: ['MALFORMED_REQUEST', 'The upload ended before it was complete'],
  FST_INVALID_JSON_FIELD_ERROR: ['MALFORMED_REQUEST', 'A form field is not valid JSON'],
};

function uploadError(err: unknown, maxBytes: number): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes);
  const mapped = code ? multipartCodes[code] : undefined;
  if (mapped) return new AppError(mapped[0], mapped[1]);
  if (err instanceof Error && /multipart|form|boundary/i.test(err.message)) {
    return new AppError('MALFORMED_REQUEST', `The upload is not a valid multipart form: ${err.message}`);
  }
  return err;
}

/** A file name shown and offered on download: no path, no control characters, at most 255 characters. */
export function safeFileName(name: string | undefined): string {
  // Browsers send a double quote in a file name as %22 and line breaks as %0D/%0A (HTML form encoding).
  const decoded = (name ?? '').replace(/%22/g, '"').replace(/%0[ad]/gi, '');
  const base = decoded.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    .trim();
  if (!cleaned || cleaned === '.' || cleaned === '..') return 'file';
  return [...cleaned].slice(-255).join('');
}

function addField(fields: Record<string, string | string[]>, part: MultipartValue): void {
  if (part.valueTruncated) {
    throw new AppError('VALIDATION_FAILED', `The field ${part.fieldname} is too long`, [
      { path: part.fieldname, message: 'Too long' },
    ]);
  }
  const value = multipartFieldText(part);
  if (LIST_FIELDS.has(part.fieldname)) {
    const list = fields[part.fieldname];
    fields[part.fieldname] = [...(Array.isArray(list) ? list : []), value];
  } else if (part.fieldname in fields) {
    throw new AppError('VALIDATION_FAILED', `The field ${part.fieldname} was sent twice`);
  } else {
    fields[part.fieldname] = value;
  }
}

async function stageFile(part: MultipartFile, store: FileStore, maxBytes: number) {
  return { staged: await stageMultipartFile(part, store, maxBytes), name: safeFileName(part.filename) };
}

interface RawUpload {
  fields: Record<string, string | string[]>;
  file: { staged: StagedFile; name: string } | undefined;
}

async function readParts(request: FastifyRequest, store: FileStore, maxBytes: number): Promise<RawUpload> {
  const upload: RawUpload = { fields: {}, file: undefined };
  try {
    const parts = request.parts({
      limits: {
        files: 1,
        fileSize: maxBytes + 1,
        fields: MAX_FIELDS,
        fieldSize: 16 * 1024,
        parts: MAX_FIELDS + 1,
      },
    });
    for await (const part of parts) {
      if (part.type === 'field') addField(upload.fields, part);
      else upload.file = await stageFile(part, store, maxBytes);
    }
    return upload;
  } catch (err) {
    await upload.file?.staged.discard();
    throw uploadError(err, maxBytes);
  }
}

export interface ParsedUpload {
  fields: EvidenceFileFields;
  file: UploadedFile;
}

/**
 * Streams a multipart evidence upload into staging while hashing it, checks the fields and sniffs the type.
 * The caller must `discard()` the staged file when it is done (a no-op once committed).
 */
export async function readEvidenceUpload(
  request: FastifyRequest,
  store: FileStore,
  maxBytes: number,
): Promise<ParsedUpload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload a file as multipart/form-data with a "file" field');
  }
  const { fields, file } = await readParts(request, store, maxBytes);
  if (!file) {
    throw new AppError('VALIDATION_FAILED', 'Attach a file', [{ path: 'file', message: 'Attach a file' }]);
  }
  try {
    const parsed = evidenceFileFieldsSchema.safeParse(fields);
    if (!parsed.success) throw validationFailed(parsed.error, 'The upload form');
    return { fields: parsed.data, file: { ...file, contentType: await sniffContentType(file.staged) } };
  } catch (err) {
    await file.staged.discard();
    throw err;
  }
}
