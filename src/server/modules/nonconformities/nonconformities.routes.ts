import {
  actionInputSchema,
  actionPatchSchema,
  ncCountsSchema,
  ncDetailSchema,
  ncInputSchema,
  ncListQuerySchema,
  ncPatchSchema,
  ncStatusRequestSchema,
  ncSummarySchema,
  verificationInputSchema,
} from '../../../contracts/nonconformities.js';
import { pageOf } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import {
  addCorrectiveAction,
  updateCorrectiveAction,
  verifyNonconformity,
} from './corrective-actions.service.js';
import { nonconformitiesPolicy as policy } from './nonconformities.policy.js';
import {
  changeNonconformityStatus,
  countNonconformities,
  getNonconformity,
  listNonconformities,
  raiseNonconformity,
  updateNonconformity,
} from './nonconformities.service.js';

export const registerNonconformityRoutes: RouteModule = (app, { db }) => {
  const tags = ['nonconformities'];
  const detail = { 200: ncDetailSchema, ...errors };
  app.get(
    '/api/nonconformities',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'The nonconformity register; filter by status, severity, source, owner or overdue actions',
        querystring: ncListQuerySchema,
        response: { 200: pageOf(ncSummarySchema), ...errors },
      },
    },
    (req) => listNonconformities(contextOf(req, db), req.query),
  );
  app.get(
    '/api/nonconformities/counts',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Open and major nonconformities and overdue corrective actions',
        response: { 200: ncCountsSchema, ...errors },
      },
    },
    (req) => countNonconformities(contextOf(req, db)),
  );
  app.post(
    '/api/nonconformities',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Raise a nonconformity from any source',
        body: ncInputSchema,
        response: { 201: ncDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await raiseNonconformity(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/nonconformities/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'A nonconformity with its actions and verifications',
        params: idParams,
        response: detail,
      },
    },
    (req) => getNonconformity(contextOf(req, db), req.params.id),
  );
  app.patch(
    '/api/nonconformities/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Change the description, severity, owner, root cause or correction',
        params: idParams,
        body: ncPatchSchema,
        response: detail,
      },
    },
    (req) => updateNonconformity(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/nonconformities/:id/status',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Move to the next step: correction, corrective-action, verification, closed',
        params: idParams,
        body: ncStatusRequestSchema,
        response: detail,
      },
    },
    (req) => changeNonconformityStatus(contextOf(req, db), req.params.id, req.body.status),
  );
  app.post(
    '/api/nonconformities/:id/actions',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Add a corrective action with an owner and a due date',
        params: idParams,
        body: actionInputSchema,
        response: { 201: ncDetailSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addCorrectiveAction(contextOf(req, db), req.params.id, req.body)),
  );
  app.patch(
    '/api/corrective-actions/:id',
    {
      config: { access: policy.completeOwn },
      schema: {
        tags,
        summary: 'Mark a corrective action done (its owner) or change it (nonconformities.manage)',
        params: idParams,
        body: actionPatchSchema,
        response: detail,
      },
    },
    (req) => updateCorrectiveAction(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/nonconformities/:id/verifications',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Record a verification of effectiveness (by someone who owns none of the actions)',
        params: idParams,
        body: verificationInputSchema,
        response: { 201: ncDetailSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await verifyNonconformity(contextOf(req, db), req.params.id, req.body)),
  );
};
