import type { FastifyRequest } from 'fastify';
import { importFieldsSchema } from '../../../contracts/vulnerabilities.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { validationFailed } from '../../kernel/errors/zod-errors.js';
import type { FileStore, StagedFile } from '../../kernel/files/index.js';
import { stageMultipartFile } from '../../kernel/files/multipart-file.js';
import { tooLarge } from '../../kernel/files/staging.js';

/** Largest report accepted: a 500,000-finding Trivy report is about 250 MiB. */
export const SCAN_MAX_BYTES = 512 * 1024 * 1024;

export interface ScanFileUpload {
  target: string | undefined;
  fileName: string;
  staged: StagedFile;
}

const safeName = (name: string | undefined) =>
  [
    ...((name ?? '').split(/[/\\]/).pop() ?? '')
      .normalize('NFC')
      .replace(/\p{Cc}/gu, '')
      .trim(),
  ]
    .slice(-200)
    .join('') || 'scan-report';

function uploadError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(SCAN_MAX_BYTES);
  if (code === 'FST_FILES_LIMIT') return new AppError('VALIDATION_FAILED', 'Send exactly one file');
  if (code?.startsWith('FST_')) return new AppError('MALFORMED_REQUEST', 'The upload is not a valid form');
  return err;
}

/** A multipart form with an optional "target" field and one "file" (the scan report), staged on disk. */
export async function readScanUpload(request: FastifyRequest, store: FileStore): Promise<ScanFileUpload> {
  if (!request.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Upload the scan report as multipart/form-data with a "file" field',
    );
  }
  const fields: Record<string, string> = {};
  let file: { staged: StagedFile; name: string } | undefined;
  try {
    const parts = request.parts({
      limits: { files: 1, fileSize: SCAN_MAX_BYTES + 1, fields: 3, fieldSize: 1024, parts: 4 },
    });
    for await (const part of parts) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value);
      else
        file = {
          staged: await stageMultipartFile(part, store, SCAN_MAX_BYTES),
          name: safeName(part.filename),
        };
    }
  } catch (err) {
    await file?.staged.discard();
    throw uploadError(err);
  }
  if (!file) {
    throw new AppError('VALIDATION_FAILED', 'Attach the scan report', [
      { path: 'file', message: 'Attach a file' },
    ]);
  }
  const parsed = importFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    await file.staged.discard();
    throw validationFailed(parsed.error, 'The upload form');
  }
  return { target: parsed.data.target, fileName: file.name, staged: file.staged };
}
