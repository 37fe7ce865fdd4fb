import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from './fastify-types.js';
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
