export { createGeneratedDocument, createUploadedDocument } from './documents.service.js';

export { createNdaVersion, createRule } from './settings.service.js';
export { trustDocumentsModule } from './trust-documents.module.js';
