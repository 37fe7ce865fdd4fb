import {
  reviewActionInputSchema,
  reviewDetailSchema,
  reviewInputSchema,
  reviewListQuerySchema,
  reviewSummarySchema,
} from '../../../contracts/management-review.js';
import { pageOf } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { sendDownload } from '../../kernel/http/downloads.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import { managementReviewPolicy as policy } from './management-review.policy.js';
import {
  addReviewAction,
  assembleReview,
  closeReview,
  createReview,
  getReview,
  listReviews,
} from './management-review.service.js';
import { exportReview } from './review-export.service.js';

const detail = { 200: reviewDetailSchema, ...errors };

export const registerManagementReviewRoutes: RouteModule = (app, { db }) => {
  const tags = ['management-review'];
  app.get(
    '/api/management-reviews',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Management reviews, latest period first',
        querystring: reviewListQuerySchema,
        response: { 200: pageOf(reviewSummarySchema), ...errors },
      },
    },
    (req) => listReviews(contextOf(req, db), req.query),
  );
  app.post(
    '/api/management-reviews',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Plan a management review: period, meeting date, attendees',
        body: reviewInputSchema,
        response: { 201: reviewDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createReview(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/management-reviews/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'A review with its report snapshot and decisions',
        params: idParams,
        response: detail,
      },
    },
    (req) => getReview(contextOf(req, db), req.params.id),
  );
  app.post(
    '/api/management-reviews/:id/assemble',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Assemble the report from current data and keep it as a snapshot',
        params: idParams,
        response: detail,
      },
    },
    (req) => assembleReview(contextOf(req, db), req.params.id),
  );
  app.post(
    '/api/management-reviews/:id/actions',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Record a decision or action (text, owner, due date)',
        params: idParams,
        body: reviewActionInputSchema,
        response: detail,
      },
    },
    (req) => addReviewAction(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/management-reviews/:id/close',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Close the review; it can no longer change',
        params: idParams,
        response: detail,
      },
    },
    (req) => closeReview(contextOf(req, db), req.params.id),
  );
  for (const format of ['md', 'pdf'] as const) {
    app.get(
      `/api/management-reviews/:id/report.${format}`,
      {
        config: { access: policy.read },
        schema: {
          tags,
          summary: `The review's report as ${format === 'md' ? 'Markdown' : 'PDF (A4)'}`,
          params: idParams,
          response: errors,
        },
      },
      async (req, reply) => {
        const file = await exportReview(contextOf(req, db), req.params.id, format);
        return sendDownload(reply, file.body, file.fileName, file.contentType);
      },
    );
  }
};
