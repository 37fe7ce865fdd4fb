import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors/app-error.js';
import type { App } from './fastify-types.js';
import { requestTextProblem } from './request-text.js';
import { errorResponses } from './route-schemas.js';

/** The responses of an upload route: the usual errors, and too large (413) or an unaccepted type (415). */
export const uploadErrorResponses = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] };

/** Registers upload routes in their own scope, so multipart parsing is only possible there. */
export function registerMultipartRoutes(app: App, register: (scope: App) => void): void {
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { throwFileSizeLimit: true });
    register(scope);
  });
}

/**
 * The text of a multipart form field. Multipart bodies are read in the handler, after the hook that checks JSON
 * bodies and queries, so the same rule applies here: a NUL byte in the name or the value is refused (400),
 * naming the field.
 */
export function multipartFieldText(part: { fieldname: string; value: unknown }): string {
  const value = String(part.value);
  const problem = requestTextProblem({ [part.fieldname]: value }, '');
  if (problem) {
    const field = problem.path.replaceAll('\u0000', '\\u0000');
    throw new AppError('VALIDATION_FAILED', `The field ${field} is invalid: ${problem.message}`, [
      { path: field, message: problem.message },
    ]);
  }
  return value;
}

/** Runs the change on a staged upload, then discards the staged file whether the change succeeded or not. */
export async function withStagedUpload<R>(
  staged: { discard(): Promise<void> },
  change: () => Promise<R>,
): Promise<R> {
  try {
    return await change();
  } finally {
    await staged.discard();
  }
}
