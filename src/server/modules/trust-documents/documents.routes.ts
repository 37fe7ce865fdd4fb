import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import {
  autoApprovalRuleInputSchema,
  autoApprovalRuleSchema,
  documentUpdateSchema,
  generatedDocumentInputSchema,
  ndaInputSchema,
  ndaVersionSchema,
  trustDocumentSchema,
} from '../../../contracts/trust-documents.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { ModuleDeps } from '../../kernel/http/app.js';
import type { App } from '../../kernel/http/fastify-types.js';
import {
  registerMultipartRoutes,
  uploadErrorResponses,
  withStagedUpload,
} from '../../kernel/http/multipart.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import {
  createGeneratedDocument,
  createUploadedDocument,
  listDocuments,
  staffDocumentFile,
  updateDocument,
} from './documents.service.js';
import { readDocumentUpload } from './documents.upload.js';
import { createNdaVersion, createRule, deleteRule, listNdaVersions, listRules } from './settings.service.js';
import { sendPdf } from './trust-documents.download.js';
import { trustDocumentsPolicy as policy } from './trust-documents.policy.js';

const tags = ['trust-documents'];

/** Uploads and staff downloads, in their own scope so multipart parsing is only possible here. */
function registerFileRoutes(app: App, { db, files, config }: ModuleDeps): void {
  registerMultipartRoutes(app, (scope) => {
    scope.post(
      '/api/trust-documents',
      {
        config: { access: policy.manage },
        schema: {
          tags,
          summary: 'Upload a PDF as a trust-center document (multipart/form-data: fields first, then "file")',
          description:
            'Fields: title, description, kind, accessLevel (public, on-request, nda), versionLabel, published, file. ' +
            'The content is hashed (SHA-256) and must be a readable, unencrypted PDF by its bytes.',
          consumes: ['multipart/form-data'],
          response: { 201: trustDocumentSchema, ...uploadErrorResponses },
        },
      },
      async (req, reply) => {
        const ctx = contextOf(req, db);
        const upload = await readDocumentUpload(req, files, config.maxUploadBytes);
        const created = await withStagedUpload(upload.file.staged, () =>
          createUploadedDocument(ctx, upload.fields, upload.file),
        );
        return reply.status(201).send(created);
      },
    );
    scope.get(
      '/api/trust-documents/:id/file',
      {
        config: { access: policy.read },
        schema: {
          tags,
          summary: 'The PDF of a document, as stored or generated now, unwatermarked',
          params: idParams,
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const file = await staffDocumentFile(contextOf(req, db), req.params.id, files);
        return sendPdf(reply, file.name, file.bytes);
      },
    );
  });
}

export function registerDocumentRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps;
  registerFileRoutes(app, deps);
  app.get(
    '/api/trust-documents',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Trust-center documents',
        querystring: pageQuerySchema,
        response: { 200: pageOf(trustDocumentSchema), ...errors },
      },
    },
    (req) => listDocuments(contextOf(req, db), req.query),
  );
  app.post(
    '/api/trust-documents/generated',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Offer the cloud-controls list, rendered as a PDF from the controls at each download',
        body: generatedDocumentInputSchema,
        response: { 201: trustDocumentSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createGeneratedDocument(contextOf(req, db), req.body)),
  );
  app.patch(
    '/api/trust-documents/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Change a document: title, description, access level, version label, published',
        params: idParams,
        body: documentUpdateSchema,
        response: { 200: trustDocumentSchema, ...errors },
      },
    },
    (req) => updateDocument(contextOf(req, db), req.params.id, req.body),
  );
  app.get(
    '/api/trust-nda-versions',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Versions of the NDA text, newest first',
        querystring: pageQuerySchema,
        response: { 200: pageOf(ndaVersionSchema), ...errors },
      },
    },
    (req) => listNdaVersions(contextOf(req, db), req.query),
  );
  app.post(
    '/api/trust-nda-versions',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Publish a new version of the NDA text',
        body: ndaInputSchema,
        response: { 201: ndaVersionSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createNdaVersion(contextOf(req, db), req.body.text)),
  );
  app.get(
    '/api/trust-auto-approval-rules',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'E-mail domains whose requests are approved without staff',
        querystring: pageQuerySchema,
        response: { 200: pageOf(autoApprovalRuleSchema), ...errors },
      },
    },
    (req) => listRules(contextOf(req, db), req.query),
  );
  app.post(
    '/api/trust-auto-approval-rules',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Add an auto-approval rule for an e-mail domain',
        body: autoApprovalRuleInputSchema,
        response: { 201: autoApprovalRuleSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createRule(contextOf(req, db), req.body)),
  );
  app.delete(
    '/api/trust-auto-approval-rules/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Remove an auto-approval rule',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await deleteRule(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
