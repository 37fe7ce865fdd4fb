import type { FastifyRequest } from 'fastify';
import { uploadFieldsSchema } from '../../../contracts/questionnaires.js';
import { QUESTIONNAIRE_MAX_BYTES } from '../../../formats/questionnaire-file.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { validationFailed } from '../../kernel/errors/zod-errors.js';
import type { FileStore, StagedFile } from '../../kernel/files/index.js';
import { stageMultipartFile } from '../../kernel/files/multipart-file.js';
import { tooLarge } from '../../kernel/files/staging.js';
import { multipartFieldText } from '../../kernel/http/multipart.js';

export interface QuestionnaireUpload {
  title: string | undefined;
  fileName: string;
  staged: StagedFile;
}

function safeName(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    .trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? [...cleaned].slice(-200).join('') : 'questionnaire';
}

function uploadError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(QUESTIONNAIRE_MAX_BYTES);
  if (code === 'FST_FILES_LIMIT') return new AppError('VALIDATION_FAILED', 'Send exactly one file');
  if (code?.startsWith('FST_')) return new AppError('MALFORMED_REQUEST', 'The upload is not a valid form');
  return err;
}

/** A multipart form with an optional "title" field and one "file" (XLSX or CSV, at most 10 MiB), staged. */
export async function readQuestionnaireUpload(
  request: FastifyRequest,
  store: FileStore,
): Promise<QuestionnaireUpload> {
  if (!request.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Upload the questionnaire as multipart/form-data with a "file" field',
    );
  }
  const fields: Record<string, string> = {};
  let file: { staged: StagedFile; name: string } | undefined;
  try {
    const parts = request.parts({
      limits: { files: 1, fileSize: QUESTIONNAIRE_MAX_BYTES + 1, fields: 5, fieldSize: 4096, parts: 6 },
    });
    for await (const part of parts) {
      if (part.type === 'field') fields[part.fieldname] = multipartFieldText(part);
      else
        file = {
          staged: await stageMultipartFile(part, store, QUESTIONNAIRE_MAX_BYTES),
          name: safeName(part.filename),
        };
    }
  } catch (err) {
    await file?.staged.discard();
    throw uploadError(err);
  }
  if (!file)
    throw new AppError('VALIDATION_FAILED', 'Attach the questionnaire file', [
      { path: 'file', message: 'Attach a file' },
    ]);
  const parsed = uploadFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    await file.staged.discard();
    throw validationFailed(parsed.error, 'The upload form');
  }
  return { title: parsed.data.title, fileName: file.name, staged: file.staged };
}
