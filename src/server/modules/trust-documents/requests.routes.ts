import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import {
  accessGrantSchema,
  approveRequestSchema,
  documentRequestSchema,
  documentStatsSchema,
  downloadSchema,
  rejectRequestSchema,
  requestListQuerySchema,
} from '../../../contracts/trust-documents.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { ModuleDeps } from '../../kernel/http/app.js';
import type { App } from '../../kernel/http/fastify-types.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import { listGrants, revokeGrant } from './access.service.js';
import { approveRequest, rejectRequest } from './decisions.service.js';
import { documentStats, listDownloads } from './downloads.service.js';
import { listRequests } from './requests.repository.js';
import { trustDocumentsPolicy as policy } from './trust-documents.policy.js';

const tags = ['trust-documents'];
const approvalSchema = z.object({ grantId: z.uuid(), expiresAt: z.string() });

export function registerRequestRoutes(app: App, { db, config }: ModuleDeps): void {
  app.get(
    '/api/trust-document-requests',
    {
      config: { access: policy.visitors },
      schema: {
        tags,
        summary: 'Requests for documents, newest first, with the NDA acceptance details',
        querystring: requestListQuerySchema,
        response: { 200: pageOf(documentRequestSchema), ...errors },
      },
    },
    (req) => listRequests(contextOf(req, db), req.query),
  );
  app.post(
    '/api/trust-document-requests/:id/approve',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary:
          'Approve a confirmed request: a time-limited grant, and a sign-in link mailed to the requester',
        params: idParams,
        body: approveRequestSchema,
        response: { 200: approvalSchema, ...errors },
      },
    },
    (req) => approveRequest(contextOf(req, db), req.params.id, req.body.expiresInDays, config.publicUrl),
  );
  app.post(
    '/api/trust-document-requests/:id/reject',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Reject a request and tell the requester',
        params: idParams,
        body: rejectRequestSchema,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await rejectRequest(contextOf(req, db), req.params.id, req.body.reason);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/trust-access-grants',
    {
      config: { access: policy.visitors },
      schema: {
        tags,
        summary: 'Access grants, newest first',
        querystring: pageQuerySchema,
        response: { 200: pageOf(accessGrantSchema), ...errors },
      },
    },
    (req) => listGrants(contextOf(req, db), req.query),
  );
  app.post(
    '/api/trust-access-grants/:id/revoke',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Revoke a grant at once, ending its visitor sessions',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await revokeGrant(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/trust-document-stats',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Per document: requests and downloads',
        querystring: pageQuerySchema,
        response: { 200: pageOf(documentStatsSchema), ...errors },
      },
    },
    (req) => documentStats(contextOf(req, db), req.query),
  );
  app.get(
    '/api/trust-document-downloads',
    {
      config: { access: policy.visitors },
      schema: {
        tags,
        summary: 'Every download: document, who, when, IP and user agent',
        querystring: pageQuerySchema,
        response: { 200: pageOf(downloadSchema), ...errors },
      },
    },
    (req) => listDownloads(contextOf(req, db), req.query),
  );
}
