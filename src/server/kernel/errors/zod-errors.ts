import type { ZodError } from 'zod';
import { AppError } from './app-error.js';

/** A zod failure outside the route schemas (multipart fields, stored JSON, per-kind config) as one 400. */
export function validationFailed(error: ZodError, what: string, pathPrefix = ''): AppError {
  const details = error.issues.map((i) => ({
    path: [pathPrefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
  const first = details[0];
  const where = first?.path ? `${first.path}: ` : '';
  return new AppError(
    'VALIDATION_FAILED',
    `${what} is invalid${first ? ` (${where}${first.message})` : ''}`,
    details,
  );
}
