import type { MultipartFile } from '@fastify/multipart';
import { AppError } from '../errors/app-error.js';
import type { FileStore, StagedFile } from './file-store.js';
import { tooLarge } from './staging.js';

/** Stages the one file of an upload form, which must come in the field "file", within `maxBytes`. */
export async function stageMultipartFile(
  part: MultipartFile,
  store: FileStore,
  maxBytes: number,
): Promise<StagedFile> {
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw new AppError('VALIDATION_FAILED', 'The file must be sent in the form field named "file"');
  }
  const staged = await store.stage(part.file, { maxBytes });
  if (part.file.truncated) {
    await staged.discard();
    throw tooLarge(maxBytes);
  }
  return staged;
}
