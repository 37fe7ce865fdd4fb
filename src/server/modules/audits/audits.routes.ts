import { z } from 'zod';
import {
  auditDetailSchema,
  auditInputSchema,
  auditListQuerySchema,
  auditPatchSchema,
  auditProgrammeInputSchema,
  auditProgrammeListQuerySchema,
  auditProgrammeSchema,
  auditStatusRequestSchema,
  auditSummarySchema,
  checklistItemSchema,
  checklistQuerySchema,
  checklistResultRequestSchema,
  findingInputSchema,
  findingListQuerySchema,
  findingSchema,
} from '../../../contracts/audits.js';
import { pageOf } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import { auditsPolicy as policy } from './audits.policy.js';
import { changeAuditStatus, createAudit, getAudit, listAudits, updateAudit } from './audits.service.js';
import { listChecklist, recordChecklistResult } from './checklist.service.js';
import { listFindings, raiseFinding } from './findings.service.js';
import { createProgramme, listProgrammes } from './programmes.service.js';

export const registerAuditRoutes: RouteModule = (app, { db }) => {
  const tags = ['audits'];
  const detail = { 200: auditDetailSchema, ...errors };
  app.get(
    '/api/audit-programmes',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Yearly audit programmes, newest first',
        querystring: auditProgrammeListQuerySchema,
        response: { 200: pageOf(auditProgrammeSchema), ...errors },
      },
    },
    (req) => listProgrammes(contextOf(req, db), req.query),
  );
  app.post(
    '/api/audit-programmes',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Create the audit programme of a year',
        body: auditProgrammeInputSchema,
        response: { 201: auditProgrammeSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createProgramme(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/audits',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Audits; filter by programme, status or type',
        querystring: auditListQuerySchema,
        response: { 200: pageOf(auditSummarySchema), ...errors },
      },
    },
    (req) => listAudits(contextOf(req, db), req.query),
  );
  app.post(
    '/api/audits',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Plan an audit; its checklist is generated from the scoped frameworks',
        body: auditInputSchema,
        response: { 201: auditDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createAudit(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/audits/:id',
    {
      config: { access: policy.read },
      schema: { tags, summary: 'An audit with its scope and progress', params: idParams, response: detail },
    },
    (req) => getAudit(contextOf(req, db), req.params.id),
  );
  app.patch(
    '/api/audits/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Change an audit that is not completed',
        params: idParams,
        body: auditPatchSchema,
        response: detail,
      },
    },
    (req) => updateAudit(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/audits/:id/status',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Start a planned audit, or complete one in progress with a conclusion',
        params: idParams,
        body: auditStatusRequestSchema,
        response: detail,
      },
    },
    (req) => changeAuditStatus(contextOf(req, db), req.params.id, req.body),
  );
  app.get(
    '/api/audits/:id/checklist',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'The checklist: one item per audited requirement with its mapped controls',
        params: idParams,
        querystring: checklistQuerySchema,
        response: { 200: pageOf(checklistItemSchema), ...errors },
      },
    },
    (req) => listChecklist(contextOf(req, db), req.params.id, req.query),
  );
  app.put(
    '/api/audits/:id/checklist/:itemId',
    {
      config: { access: policy.conduct },
      schema: {
        tags,
        summary: 'Record the result of a checklist item',
        params: z.strictObject({ id: z.uuid(), itemId: z.uuid() }),
        body: checklistResultRequestSchema,
        response: { 200: checklistItemSchema, ...errors },
      },
    },
    (req) => recordChecklistResult(contextOf(req, db), req.params.id, req.params.itemId, req.body),
  );
  app.get(
    '/api/audits/:id/findings',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Findings of an audit',
        params: idParams,
        querystring: findingListQuerySchema,
        response: { 200: pageOf(findingSchema), ...errors },
      },
    },
    (req) => listFindings(contextOf(req, db), req.params.id, req.query),
  );
  app.post(
    '/api/audits/:id/findings',
    {
      config: { access: policy.conduct },
      schema: {
        tags,
        summary: 'Raise a finding; a major or minor nonconformity opens one in the register',
        params: idParams,
        body: findingInputSchema,
        response: { 201: findingSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await raiseFinding(contextOf(req, db), req.params.id, req.body)),
  );
};
