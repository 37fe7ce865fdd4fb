import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import {
  bulkApproveResultSchema,
  bulkApproveSchema,
  exportQuerySchema,
  itemAnswerSchema,
  itemApproveSchema,
  itemListQuerySchema,
  itemParams,
  mappingInputSchema,
  proposalRunSchema,
  questionnaireItemSchema,
  questionnairePatchSchema,
  questionnaireSchema,
  sheetPreviewSchema,
  uploadResultSchema,
} from '../../../contracts/questionnaires.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { ModuleDeps, RouteModule } from '../../kernel/http/app.js';
import { sendDownload } from '../../kernel/http/downloads.js';
import type { App } from '../../kernel/http/fastify-types.js';
import {
  registerMultipartRoutes,
  uploadErrorResponses,
  withStagedUpload,
} from '../../kernel/http/multipart.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import { bulkApprove } from './bulk-approve.service.js';
import { exportQuestionnaire } from './export.service.js';
import { approveItem, editItem, listItems, markNotApplicable, rerunProposals } from './items.service.js';
import { deleteQuestionnaire, updateQuestionnaire } from './questionnaire-lifecycle.service.js';
import { questionnairesPolicy as policy } from './questionnaires.policy.js';
import {
  getQuestionnaire,
  listQuestionnaires,
  mapQuestionnaire,
  previewQuestionnaire,
  uploadQuestionnaire,
} from './questionnaires.service.js';
import { readQuestionnaireUpload } from './questionnaires.upload.js';

const tags = ['questionnaires'];

/** The upload, in its own scope so multipart parsing is only possible here. */
function registerUploadRoute(app: App, { db, files }: ModuleDeps): void {
  registerMultipartRoutes(app, (scope) => {
    scope.post(
      '/api/questionnaires',
      {
        config: { access: policy.manage },
        schema: {
          tags,
          summary: 'Upload a customer questionnaire (XLSX or CSV, multipart field "file"); returns a preview',
          description:
            'Fields: title (optional), file. The original is kept by its SHA-256; macros, encrypted and non-OOXML workbooks are refused. At most 10 MiB.',
          consumes: ['multipart/form-data'],
          response: { 201: uploadResultSchema, ...uploadErrorResponses },
        },
      },
      async (req, reply) => {
        const ctx = contextOf(req, db);
        const upload = await readQuestionnaireUpload(req, files);
        const created = await withStagedUpload(upload.staged, () => uploadQuestionnaire(ctx, upload));
        return reply.status(201).send(created);
      },
    );
  });
}

function registerQuestionnaireRoutes(app: App, { db, files }: ModuleDeps): void {
  app.get(
    '/api/questionnaires',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Questionnaires, newest first, with progress',
        querystring: pageQuerySchema,
        response: { 200: pageOf(questionnaireSchema), ...errors },
      },
    },
    (req) => listQuestionnaires(contextOf(req, db), req.query),
  );
  app.get(
    '/api/questionnaires/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'A questionnaire with its mapping and progress',
        params: idParams,
        response: { 200: questionnaireSchema, ...errors },
      },
    },
    (req) => getQuestionnaire(contextOf(req, db), req.params.id),
  );
  app.patch(
    '/api/questionnaires/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Rename a questionnaire, or let its proposals quote internal sources',
        params: idParams,
        body: questionnairePatchSchema,
        response: { 200: questionnaireSchema, ...errors },
      },
    },
    (req) => updateQuestionnaire(contextOf(req, db), req.params.id, req.body),
  );
  app.delete(
    '/api/questionnaires/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Delete a questionnaire with its items and answers',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await deleteQuestionnaire(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/questionnaires/:id/preview',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'The sheets of the original file with column letters and first rows',
        params: idParams,
        response: { 200: sheetPreviewSchema.array(), ...errors },
      },
    },
    (req) => previewQuestionnaire(contextOf(req, db), files, req.params.id),
  );
  app.post(
    '/api/questionnaires/:id/mapping',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary:
          'Point at sheet, question and answer column and first question row; creates items and proposals. Mapping again replaces the items while no answer is written, approved or set aside',
        params: idParams,
        body: mappingInputSchema,
        response: { 200: questionnaireSchema, ...errors },
      },
    },
    (req) => mapQuestionnaire(contextOf(req, db), files, req.params.id, req.body),
  );
  app.post(
    '/api/questionnaires/:id/proposals',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Propose again for unanswered and proposed items (edited and approved ones are kept)',
        params: idParams,
        response: { 200: proposalRunSchema, ...errors },
      },
    },
    (req) => rerunProposals(contextOf(req, db), req.params.id),
  );
  app.get(
    '/api/questionnaires/:id/export',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'The original file with approved answers written into the answer column',
        params: idParams,
        querystring: exportQuerySchema,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      },
    },
    async (req, reply) => {
      const out = await exportQuestionnaire(
        contextOf(req, db),
        files,
        req.params.id,
        req.query.includeProposed === 'true',
      );
      return sendDownload(reply, out.body, out.fileName, out.contentType);
    },
  );
}

function registerItemRoutes(app: App, { db }: ModuleDeps): void {
  app.get(
    '/api/questionnaires/:id/items',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Items in row order; filter by status, confidence (high, medium, low, none) or text',
        params: idParams,
        querystring: itemListQuerySchema,
        response: { 200: pageOf(questionnaireItemSchema), ...errors },
      },
    },
    (req) => listItems(contextOf(req, db), req.params.id, req.query),
  );
  app.post(
    '/api/questionnaires/:id/items/approve',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary:
          'Approve the listed items, or every item matching a filter on any page (proposed and edited ones)',
        params: idParams,
        body: bulkApproveSchema,
        response: { 200: bulkApproveResultSchema, ...errors },
      },
    },
    (req) => bulkApprove(contextOf(req, db), req.params.id, req.body),
  );
  app.put(
    '/api/questionnaires/:id/items/:itemId/answer',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Write or edit the answer (status edited; an approved answer needs approving again)',
        params: itemParams,
        body: itemAnswerSchema,
        response: { 200: questionnaireItemSchema, ...errors },
      },
    },
    (req) => editItem(contextOf(req, db), req.params.id, req.params.itemId, req.body.answer),
  );
  app.post(
    '/api/questionnaires/:id/items/:itemId/approve',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Approve the given answer, or the current answer or proposal',
        params: itemParams,
        body: itemApproveSchema,
        response: { 200: questionnaireItemSchema, ...errors },
      },
    },
    (req) => approveItem(contextOf(req, db), req.params.id, req.params.itemId, req.body),
  );
  app.post(
    '/api/questionnaires/:id/items/:itemId/not-applicable',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Mark the question not applicable',
        params: itemParams,
        response: { 200: questionnaireItemSchema, ...errors },
      },
    },
    (req) => markNotApplicable(contextOf(req, db), req.params.id, req.params.itemId),
  );
}

export const registerQuestionnaireModuleRoutes: RouteModule = (app, deps) => {
  registerUploadRoute(app, deps);
  registerQuestionnaireRoutes(app, deps);
  registerItemRoutes(app, deps);
};
