import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import {
  faqConfirmSchema,
  faqEntryInputSchema,
  faqEntryListQuerySchema,
  faqEntryPatchSchema,
  faqEntrySchema,
  faqImportInputSchema,
  faqImportPreviewSchema,
  faqImportReportSchema,
  faqSectionInputSchema,
  faqSectionSchema,
} from '../../../contracts/trust-center.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { fileNamePart, sendDownload } from '../../kernel/http/downloads.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import { exportServiceChapter } from './chapter.service.js';
import {
  createEntry,
  createSection,
  deleteEntry,
  deleteSection,
  listEntries,
  listSections,
  updateEntry,
} from './faq.service.js';
import { exportHugoFaq, importHugoFaq, previewHugoImport } from './faq-hugo.service.js';
import { confirmEntry, publishEntry } from './faq-publication.service.js';
import { trustCenterPolicy as policy } from './trust-center.policy.js';

const IMPORT_BODY_LIMIT = 6 * 1024 * 1024;
const MARKDOWN = 'text/markdown; charset=utf-8';

export const registerFaqRoutes: RouteModule = (app, { db }) => {
  const tags = ['trust-center'];
  app.get(
    '/api/faq/sections',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'FAQ sections',
        querystring: pageQuerySchema.extend({ language: z.string().max(16).optional() }),
        response: { 200: pageOf(faqSectionSchema), ...errors },
      },
    },
    (req) => listSections(contextOf(req, db), req.query),
  );
  app.post(
    '/api/faq/sections',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Add an FAQ section',
        body: faqSectionInputSchema,
        response: { 201: faqSectionSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createSection(contextOf(req, db), req.body)),
  );
  app.delete(
    '/api/faq/sections/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Delete an FAQ section and its entries',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await deleteSection(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/faq/entries',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'FAQ entries with links and review state',
        querystring: faqEntryListQuerySchema,
        response: { 200: pageOf(faqEntrySchema), ...errors },
      },
    },
    (req) => listEntries(contextOf(req, db), req.query),
  );
  app.post(
    '/api/faq/entries',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Add an FAQ entry',
        body: faqEntryInputSchema,
        response: { 201: faqEntrySchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createEntry(contextOf(req, db), req.body)),
  );
  app.patch(
    '/api/faq/entries/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Change an FAQ entry',
        params: idParams,
        body: faqEntryPatchSchema,
        response: { 200: faqEntrySchema, ...errors },
      },
    },
    (req) => updateEntry(contextOf(req, db), req.params.id, req.body),
  );
  app.delete(
    '/api/faq/entries/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Delete an FAQ entry',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await deleteEntry(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/faq/entries/:id/confirm',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary:
          'Release an answer held for review (e.g. missing evidence) with a reason, so it is public again',
        params: idParams,
        body: faqConfirmSchema,
        response: { 200: faqEntrySchema, ...errors },
      },
    },
    (req) => confirmEntry(contextOf(req, db), req.params.id, req.body.reason),
  );
  app.post(
    '/api/faq/entries/:id/publish',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary:
          'Publish a draft answer; with four-eyes publishing on, the publisher must not be its last editor',
        params: idParams,
        response: { 200: faqEntrySchema, ...errors },
      },
    },
    (req) => publishEntry(contextOf(req, db), req.params.id),
  );
  app.post(
    '/api/faq/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: policy.manage },
      schema: {
        tags,
        summary:
          'Import a Hugo FAQ page (all or nothing); re-importing updates instead of duplicating. New answers are drafts unless publish is true',
        body: faqImportInputSchema,
        response: { 200: faqImportReportSchema, ...errors },
      },
    },
    (req) =>
      importHugoFaq(contextOf(req, db), Buffer.from(req.body.markdown, 'utf8'), {
        publish: req.body.publish,
        duplicates: req.body.duplicates,
      }),
  );
  app.post(
    '/api/faq/import/preview',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: policy.manage },
      schema: {
        tags,
        summary:
          'Check a Hugo FAQ page before importing: its questions that nearly repeat existing ones (nothing is written)',
        body: z.strictObject({ markdown: z.string().min(1).max(4_000_000) }),
        response: { 200: faqImportPreviewSchema, ...errors },
      },
    },
    (req) => previewHugoImport(contextOf(req, db), Buffer.from(req.body.markdown, 'utf8')),
  );
  app.get(
    '/api/faq/export.md',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'The published FAQ of one language as a Hugo page',
        querystring: z.strictObject({
          language: z
            .string()
            .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
            .default('en'),
        }),
        response: errors,
      },
    },
    async (req, reply) =>
      sendDownload(
        reply,
        await exportHugoFaq(contextOf(req, db), req.query.language),
        `faq.${req.query.language}.md`,
        MARKDOWN,
      ),
  );
  app.get(
    '/api/services/:id/security-chapter.md',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: "A service's Security and Compliance chapter as a Hugo page",
        params: idParams,
        response: errors,
      },
    },
    async (req, reply) => {
      const chapter = await exportServiceChapter(contextOf(req, db), req.params.id);
      return sendDownload(
        reply,
        chapter.markdown,
        `security-and-compliance-${fileNamePart(chapter.serviceName)}.md`,
        MARKDOWN,
      );
    },
  );
};
