import {
  evidenceControlParams,
  evidenceControlsRequestSchema,
  evidenceDetailSchema,
  evidenceLinkInputSchema,
  evidenceListQuerySchema,
  evidencePatchSchema,
  evidenceReviewRequestSchema,
  evidenceSchema,
} from '../../../contracts/evidence.js';
import { pageOf } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { ModuleDeps, RouteModule } from '../../kernel/http/app.js';
import type { App } from '../../kernel/http/fastify-types.js';
import {
  registerMultipartRoutes,
  uploadErrorResponses,
  withStagedUpload,
} from '../../kernel/http/multipart.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import { sendEvidenceFile } from './evidence.download.js';
import { evidencePolicy as policy } from './evidence.policy.js';
import {
  addFileEvidence,
  addLinkEvidence,
  deleteEvidence,
  evidenceFile,
  getEvidence,
  linkEvidenceControls,
  listEvidence,
  reviewEvidence,
  unlinkEvidenceControl,
  updateEvidence,
} from './evidence.service.js';
import { readEvidenceUpload } from './evidence.upload.js';

const tags = ['evidence'];

/** Uploads and downloads, in their own scope so multipart parsing is only possible here. */
function registerFileRoutes(app: App, { db, files, config }: ModuleDeps): void {
  registerMultipartRoutes(app, (scope) => {
    scope.post(
      '/api/evidence/files',
      {
        config: { access: policy.submit },
        schema: {
          tags,
          summary: 'Upload a file as evidence (multipart/form-data: fields first, then "file")',
          description:
            'Fields: title, description, validFrom, expiresAt, controlIds (repeat), controlRefs (repeat), file. ' +
            'The content is streamed to storage while hashed (SHA-256); its type is sniffed from the bytes.',
          consumes: ['multipart/form-data'],
          response: { 201: evidenceDetailSchema, ...uploadErrorResponses },
        },
      },
      async (req, reply) => {
        const ctx = contextOf(req, db);
        const upload = await readEvidenceUpload(req, files, config.maxUploadBytes);
        const created = await withStagedUpload(upload.file.staged, () =>
          addFileEvidence(ctx, upload.fields, upload.file),
        );
        return reply.status(201).send(created);
      },
    );
    scope.get(
      '/api/evidence/:id/file',
      {
        config: { access: policy.read },
        schema: {
          tags,
          summary: 'Download the file of an evidence item',
          params: idParams,
          produces: ['*/*'],
        },
      },
      async (req, reply) =>
        sendEvidenceFile(reply, files, await evidenceFile(contextOf(req, db), req.params.id)),
    );
  });
}

export const registerEvidenceRoutes: RouteModule = (app, deps) => {
  const { db } = deps;
  app.get(
    '/api/evidence',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary:
          'Evidence, newest first; filter by control, check, kind, state (fresh, stale, expired, pending)',
        querystring: evidenceListQuerySchema,
        response: { 200: pageOf(evidenceSchema), ...errors },
      },
    },
    (req) => listEvidence(contextOf(req, db), req.query),
  );
  app.post(
    '/api/evidence/links',
    {
      config: { access: policy.submit },
      schema: {
        tags,
        summary: 'Add a link (http or https) as evidence',
        body: evidenceLinkInputSchema,
        response: { 201: evidenceDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await addLinkEvidence(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/evidence/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'One evidence item',
        params: idParams,
        response: { 200: evidenceDetailSchema, ...errors },
      },
    },
    (req) => getEvidence(contextOf(req, db), req.params.id),
  );
  app.patch(
    '/api/evidence/:id',
    {
      config: { access: policy.submit },
      schema: {
        tags,
        summary:
          'Change title, description, valid-from or expiry (own unreviewed evidence, or evidence.manage)',
        params: idParams,
        body: evidencePatchSchema,
        response: { 200: evidenceDetailSchema, ...errors },
      },
    },
    (req) => updateEvidence(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/evidence/:id/review',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Record that you reviewed this evidence (not your own)',
        params: idParams,
        body: evidenceReviewRequestSchema,
        response: { 200: evidenceDetailSchema, ...errors },
      },
    },
    (req) => reviewEvidence(contextOf(req, db), req.params.id),
  );
  app.delete(
    '/api/evidence/:id',
    {
      config: { access: policy.submit },
      schema: {
        tags,
        summary: 'Delete evidence (own unreviewed evidence, or evidence.manage)',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await deleteEvidence(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/evidence/:id/controls',
    {
      config: { access: policy.submit },
      schema: {
        tags,
        summary: 'Link evidence to more controls',
        params: idParams,
        body: evidenceControlsRequestSchema,
        response: { 200: evidenceDetailSchema, ...errors },
      },
    },
    (req) => linkEvidenceControls(contextOf(req, db), req.params.id, req.body),
  );
  app.delete(
    '/api/evidence/:id/controls/:controlId',
    {
      config: { access: policy.submit },
      schema: {
        tags,
        summary: 'Unlink evidence from a control (own unreviewed evidence, or evidence.manage)',
        params: evidenceControlParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await unlinkEvidenceControl(contextOf(req, db), req.params.id, req.params.controlId);
      return reply.status(204).send(null);
    },
  );
  registerFileRoutes(app, deps);
};
