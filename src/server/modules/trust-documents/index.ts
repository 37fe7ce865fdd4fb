import type { RouteModule } from '../../kernel/http/app.js';
import { registerDocumentRoutes } from './documents.routes.js';
import { registerRequestRoutes } from './requests.routes.js';

export { createGeneratedDocument, createUploadedDocument } from './documents.service.js';
export { registerTrustDocumentPublicRoutes } from './public.routes.js';
export { createNdaVersion, createRule } from './settings.service.js';

export const registerTrustDocumentRoutes: RouteModule = (app, deps) => {
  registerDocumentRoutes(app, deps);
  registerRequestRoutes(app, deps);
};
